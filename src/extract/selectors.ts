/**
 * Every selector and pattern the extractor relies on, once; selectors are compiled here, once per
 * process (query.ts). The Joomla ones come from the public
 * templates (SITE.md): Protostar (Joomla 3), Cassiopeia (Joomla 4/5) and the 1.5-era table layouts.
 */
import { compileQuery } from './query.js';

/** The single-article container of Joomla 3, 4 and 5 (`div.item-page`, Cassiopeia adds `.com-content-article`). */
export const ARTICLE_CONTAINER = compileQuery('div.item-page, div.com-content-article');

/** The element marked as an article's text (schema.org microdata, Joomla 3 and 4). */
export const MARKED_BODY = compileQuery('[itemprop="articleBody"]');
/** The article text inside a Joomla container, most specific first. */
export const ARTICLE_BODY = [MARKED_BODY, compileQuery('.com-content-article__body')];

/** Parts of a Joomla container that are not the text (used when no body element is marked). */
export const CONTAINER_NON_BODY =
  compileQuery('.page-header, .article-info, .icons, .tags, ul.pager, .pagenav, .pagenavigation, .pagination, .readmore, .article-index, .btn-group, .content_rating, .content_vote');

/**
 * Listing markup only Joomla's category blogs, featured pages and category lists carry (1.5 to 5).
 * `div.blog` and `[itemprop="blogPost"]` are left to the evidence of teasers (TEASER): many a single
 * post sits in a "blog" wrapper or is marked as a Blog's blogPost. A category list is its table:
 * WordPress themes print a post's category link in a `div.category-list` of their own.
 */
export const LISTING_MARKERS =
  compileQuery('div.blog-featured, .items-leading, .items-row, .com-content-category-blog, .com-content-featured, .category-list table, table.category, table.blog');

/** Blocks that are one article's teaser on a listing (or a related-article card beside an article). */
export const TEASER = compileQuery('article, [itemprop="blogPost"], .com-content-category-blog__item, .blog-item, div.blog div.item');

/** A heading's link: a teaser's title pointing to its article. */
export const HEADING_LINK = compileQuery('h1 a[href], h2 a[href], h3 a[href], h4 a[href]');

/** Joomla 1.5-era layouts: the table that holds an article and its title (a `td`, `h1` or `h2` of that class). */
export const LEGACY_TABLE = compileQuery('table.contentpaneopen');
export const LEGACY_HEADING = compileQuery('.contentheading');
/** Cells of a 1.5 article table that are not its text: title, print/email buttons, dates, author. */
export const LEGACY_NON_BODY_CELL = compileQuery('.contentheading, .buttonheading, .createdate, .modifydate, .small, .article_separator');
/** The cells that may hold a 1.5 article's text. */
export const LEGACY_BODY_CELL = compileQuery(`td:not(${LEGACY_NON_BODY_CELL.selector})`);

/** Where a Joomla article states its dates and category (`dl.article-info` "Détails" block, 1.5 date cells). */
export const INFO_BLOCK =
  compileQuery('.article-info, .createdate, .modifydate, .article-date, .date-publication, p.date, span.date, div.date, .published, .modified');

/** Title candidates inside the article container, in precedence order (after JSON-LD). */
export const TITLE_IN_CONTAINER = [
  '[itemprop="headline"]',
  '.page-header h2',
  '.page-header h1',
  'h1.contentheading, h2.contentheading',
  'td.contentheading',
].map(compileQuery);

/** The page's main heading: the title of an article on markup no site rule knows. */
export const MAIN_HEADING = compileQuery('h1');

/** A section label printed near an article's title by templates of their own ("actu__rubrique", "post-category", `rel="category tag"`). */
export const SECTION_LABEL = compileQuery('[class*="rubrique"], [class*="categor"], [class*="thematique"], [class*="kicker"], [class*="surtitre"], a[rel~="category"]');

/** A Joomla 3/4 category line ("Catégorie : <a>Vie municipale</a>"). */
export const CATEGORY = compileQuery('dd.category-name');
/** Breadcrumb modules (Joomla 1.5 pathway, 3 and 4 breadcrumbs, schema.org BreadcrumbList). */
export const BREADCRUMB =
  compileQuery('.breadcrumb, .breadcrumbs, .mod-breadcrumbs, #breadcrumbs, [itemtype*="BreadcrumbList"], nav[aria-label*="readcrumb"], nav[aria-label="Vous êtes ici"]');
/** Items of a breadcrumb that carry one part each, when the module uses a list. */
export const BREADCRUMB_ITEM = compileQuery('li');

/** The active entry of a menu: its label is a "page heading", never an article title. */
export const ACTIVE_MENU_ITEM = compileQuery('li.active > a, li.current > a, li.active > span, li.current > span, a[aria-current="page"]');

export const JSON_LD = compileQuery('script[type="application/ld+json"]');
/** The canonical link of the head (`rel` is a token list: "canonical" may share it). */
export const CANONICAL_LINK = compileQuery('link[rel~="canonical" i]');

/** Meta tags (by name or property) naming publication and modification dates, in precedence order. */
export const META_PUBLISHED = ['article:published_time', 'datePublished', 'date', 'dcterms.created', 'dc.date', 'pubdate', 'publish-date', 'parsely-pub-date', 'sailthru.date'] as const;
export const META_MODIFIED = ['article:modified_time', 'dateModified', 'og:updated_time', 'dcterms.modified', 'last-modified'] as const;
export const META_SECTION = ['article:section'] as const;
export const META_OG_URL = ['og:url'] as const;
export const META_OG_TITLE = ['og:title', 'twitter:title'] as const;
export const META_SITE_NAME = ['og:site_name', 'application-name'] as const;
/** The page's own summary, which a lead printed apart from the text opens with. */
export const META_DESCRIPTION = ['og:description', 'description', 'twitter:description'] as const;

/** Microdata dates (Joomla 3/4 put them on the `<time>` of the info block, older plugins on meta). */
export const MICRODATA_PUBLISHED = compileQuery('[itemprop="datePublished"]');
export const MICRODATA_MODIFIED = compileQuery('[itemprop="dateModified"]');
/** Info-block items that hold the publication or the modification date (Joomla's dd classes). */
export const INFO_PUBLISHED = compileQuery('dd.published, dd.create, .createdate');
export const INFO_MODIFIED = compileQuery('dd.modified, .modifydate');
/** A machine-readable date (an empty `datetime` says nothing). */
export const TIME_WITH_DATETIME = compileQuery('time[datetime]:not([datetime=""])');

/** The site's name in every spelling seen (the seed lost its apostrophe: "lOise"). */
export const SITE_NAME = /BEAUVAIS\s*[-–|:]\s*Capitale\s+de\s+l\s*[’'`]?\s*Oise/iu;

/** Separators between a page title and the site name in `<title>`. */
const TITLE_SEPARATOR = /\s+[-–—|:•·]{1,2}\s+/u;
/** The same, global, for `matchAll` (which copies it: its `lastIndex` is never shared). */
export const TITLE_SEPARATORS = new RegExp(TITLE_SEPARATOR.source, 'gu');
/** The site name opening or closing a `<title>`, with its separator. */
export const LEADING_SITE_NAME = new RegExp(`^(?:${SITE_NAME.source})(?:${TITLE_SEPARATOR.source}|$)`, 'iu');
export const TRAILING_SITE_NAME = new RegExp(`(?:^|${TITLE_SEPARATOR.source})(?:${SITE_NAME.source})$`, 'iu');

/**
 * Titles and short texts of pages that are errors, not articles (Joomla's error.php, custom 404
 * articles). Specific on purpose: an article may well be titled "La taxe qui n’existe plus".
 */
export const ERROR_TITLE =
  /^\s*(?:erreur\s*)?404\b|\bpage\s+(?:introuvable|non\s+trouv[ée]e)|\bpage\s+(?:demand[ée]e\s+)?(?:n[’']existe\s+(?:pas|plus)|est\s+introuvable)|\barticle\s+non\s+trouv[ée]|\bcat[ée]gorie\s+non\s+trouv[ée]e|\b(?:404|page)\s+not\s+found\b|^\s*not\s+found\s*$|vous\s+n[’'](?:[eê]tes|avez)\s+pas\s+(?:autoris|les\s+droits)/iu;

/** Elements that never belong to an archived body (`rt`, `rp`: the readings printed over ruby text, which plain text cannot place). */
export const REMOVED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'form', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'button', 'input', 'select', 'option', 'textarea', 'label', 'fieldset', 'svg', 'canvas',
  'link', 'meta', 'nav', 'aside', 'footer', 'header', 'dialog', 'map', 'area', 'video', 'audio',
  'source', 'track', 'head', 'title', 'base', 'param', 'rt', 'rp',
]);

/** Elements that hold no readable text: never scored as content, whatever they contain. */
export const NON_TEXT_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'button', 'input', 'select', 'option', 'textarea', 'label', 'svg', 'canvas', 'dialog', 'map', 'head',
]);

/**
 * Class or id words of site chrome (Readability's "unlikely candidates", plus Joomla module names).
 * Matched as whole words of the class/id so that `navigation-buttons` matches and `canvas` does not.
 */
export const CHROME_NAME =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|mainmenu|sidebar|aside|footer|share|sharing|partage|social|socials|addthis|sharethis|cookies?|cookiebar|rgpd|gdpr|consent|breadcrumbs?|pathway|module|moduletable|moduletable_[a-z0-9]+|mod|banner|bannergroup|entete|pagenav|pagenavigation|pager|pagination|tags|comments?|jcomments|disqus|related|relateditems|latestnews|mostread|newsflash|advert|ads|widget|search|searchform|login|popup|modal|author|authors|bio|byline|subscribe|subscription|signup|newsletter|promo|sponsored)(?=$|[\s_-])/iu;

/**
 * Class or id words that say a block holds the text ("content-sidebar-wrap", "mod_article",
 * "post-content widget"): a chrome word beside one of these does not make the block chrome
 * (Readability's "ok maybe it's a candidate"). "main" is left out: "main-nav" is a menu.
 */
export const CONTENT_WRAPPER_NAME = /(?:^|[\s_-])(?:article|articles|body|content|contenu|contents|entry|post|story|text|texte|column|blog)(?=$|[\s_-])/iu;

/** Class or id words of an article's furniture: its header, info block and print/email icons. Not text, but not chrome. */
export const FURNITURE_NAME =
  /(?:^|[\s_-])(?:article-info|page-header|icons|print|print-icon|email-icon|btn-group|toolbar|tools|outils|skip|skiplinks|readmore|pagenav)(?=$|[\s_-])/iu;

/**
 * Titles of chrome blocks, matched on the whole text of a short element: the block they head is
 * removed wherever it sits (share plugins and "same category" modules are sometimes injected into
 * the article text itself).
 */
export const CHROME_TITLE = new RegExp(
  `^(?:${[
    // French, the site's own
    'partager\\s+cet\\s+article', 'partagez\\s+cet\\s+article', 'partager', 'derni[èe]res\\s+actualit[ée]s', 'agenda',
    'dans\\s+la\\s+m[êe]me\\s+rubrique', 'vous\\s+[êe]tes\\s+ici', 'articles?\\s+similaires', '(?:[àa]\\s+)?lire\\s+aussi',
    'voir\\s+aussi', 'sur\\s+le\\s+m[êe]me\\s+sujet', 'les\\s+plus\\s+lus', 'newsletter', 'suivez[-\\s]nous', 'commentaires?',
    // other languages, for pages of other sites (README, Extraction quality)
    'related(?:\\s+(?:posts?|articles?|stories|content|news))?', 'read\\s+(?:more|also|next)', 'you\\s+(?:may|might)\\s+also\\s+like',
    'more\\s+(?:on\\s+this(?:\\s+topic)?|stories|news)', 'recommended(?:\\s+for\\s+you)?', 'most\\s+(?:read|popular)',
    'share(?:\\s+this(?:\\s+(?:article|post|story))?)?', 'leave\\s+a\\s+(?:reply|comment)', 'comments?', 'follow\\s+us',
    'mehr\\s+zum\\s+thema', 'lesen\\s+sie\\s+auch', 'das\\s+k[öo]nnte\\s+sie\\s+auch\\s+interessieren', 'auch\\s+interessant',
    '[äa]hnliche\\s+(?:beitr[äa]ge|artikel)', 'weitere\\s+(?:artikel|beitr[äa]ge|nachrichten|themen)', 'zum\\s+weiterlesen',
    'verwandte\\s+(?:artikel|beitr[äa]ge|themen)', 'artikel\\s+teilen', 'teilen', 'kommentare', 'meist\\s*-?\\s*(?:gelesen|diskutiert)',
    'auch\\s+lesen', 'mehr\\s+themen', 'empfohlene\\s+(?:beitr[äa]ge|artikel)', 'weiterf[üu]hrende[rn]?\\s+links?', 'neueste\\s+(?:artikel|beitr[äa]ge|nachrichten)',
    'veja\\s+tamb[ée]m', 'leia\\s+tamb[ée]m', 'lea\\s+tambi[ée]n', 'te\\s+puede\\s+interesar', '(?:noticias|art[íi]culos)\\s+relacionad[oa]s',
    'm[áa]s\\s+noticias', 'comentarios', 'compartir',
  ].join('|')})\\s*:?$`,
  'iu',
);

/** Chrome titles of share blocks: chrome whatever follows them, not only when a list of links does. */
export const SHARE_TITLE = /partag|suivez|share|teilen|compartir|follow/iu;

/** Joomla's email cloaking leaves this sentence (its script is gone): site chrome, not text. */
export const EMAIL_CLOAK_TEXT = /adresse\s+(?:e-?mail|[ée]lectronique)\s+est\s+prot[ée]g[ée]e\s+contre\s+les\s+robots/iu;
export const EMAIL_CLOAK_ID = /^cloak/iu;

/** Header banner images ("Entete Mairie", "Entete Vivre4"…): site chrome even inside a body. */
export const BANNER_IMAGE = /^\s*ent[êe]te\b/iu;
/** The same banners told by their file name ("/images/entete-mairie.jpg", "banniere2.png"). */
export const BANNER_PATH = /\/(?:entete|banniere|banner)[^/]*$/iu;

/** Readability-style hints: names that suggest the main text. */
export const CONTENT_NAME = /(?:^|[\s_-])(?:article|body|content|contenu|entry|main|page|post|text|texte|blog|story|item)(?=$|[\s_-])/iu;

/** A line of a legacy list: "- ", "– ", "— ", "• ", "· " or "* " then the item. */
export const LEGACY_BULLET = /^[-–—•·▪◦*]\s+/u;

/** Every link, whatever it points to (read-more links, a category's link). */
export const ANCHOR = compileQuery('a');
/** "Lire la suite" links: many of them make a listing. */
export const READ_MORE = /^\s*(?:lire\s+la\s+suite|en\s+savoir\s+plus|suite|lire\s+plus)\b/iu;

/**
 * The containers that hold an article's text on markup no site rule knows, tried in this order, the
 * first of each in document order (trafilatura's BODY_XPATH): a marked body or an
 * "entry-content"-style block, a lone `<article>`, a "story"-style block, a "main content" block.
 * trafilatura goes on to anything named "main": measured here, that reading holds the page's side
 * columns too often to be worth it. Class and id words are matched case-sensitively, as themes write them.
 */
export const CONTENT_CONTAINERS: readonly {
  readonly tags: ReadonlySet<string>;
  readonly exact?: Readonly<Record<string, readonly string[]>>;
  readonly id?: RegExp;
  readonly className?: RegExp;
}[] = [
  {
    tags: new Set(['article', 'div', 'main', 'section']),
    exact: { class: ['post', 'entry'], itemprop: ['articleBody'], id: ['articleContent'] },
    id: /(?:entry|article|art)-content|article__content|article(?:-|__)?body|articleBody|body-text/u,
    className: /post[-_]text|post-body|post-?entry|post[-_]?content|postContent|post_inner_wrapper|article-?text|articleText|(?:entry|page|text|article|art)-content|article__content|article(?:-|__)?body|articleBody|ArticleContent|body-text|article__container/u,
  },
  { tags: new Set(['article']) },
  {
    tags: new Set(['article', 'div', 'main', 'section']),
    exact: { role: ['article'], id: ['article', 'story'], class: ['postarea', 'art-postcontent', 'text', 'cell', 'story'] },
    id: /^primary|story-body/u,
    className: /[Ff][Uu][Ll][Ll][Tt][Ee][Xx][Tt]|^article |post-bodycopy|story-?content|(?:theme|blog|section|single)-content|single-post|main-column|wpb_text_column|story-body|field-body/u,
  },
  {
    tags: new Set(['article', 'div', 'main', 'section']),
    exact: { id: ['content'], class: ['content'] },
    id: /content-main|content-body|contentBody|[mM]ain-[cC]ontent/u,
    className: /content[-_]main|content(?:-|__)body|[mM]ain-[cC]ontent|[pP]age-content/u,
  },
];

/**
 * Class and id words of boilerplate inside an article's text block (trafilatura's discard list, matched
 * as substrings like its XPath `re:test`): share and social bars, newsletter and cookie prompts, tags,
 * bylines and author boxes, related and "next" stories, ads, affiliate notices and calls to action,
 * tables of contents (links to the headings that follow), widgets, meta lines, ratings, slides. A "teaser" is one only when it links elsewhere (boilerplate.ts):
 * many a theme names its article's lead "article-teaser".
 * Tested on blocks only (div, section, p, span, lists), never on a link or a picture.
 */
export const BOILERPLATE_IN_ID =
  /^[Cc]omment|affiliate|(?:^|[-_\s])toc(?:$|[-_\s])|comol|disqus_thread|dsq-comments|cookie|^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author|^(?:jp-|dpsp-content)|footer|Footer|share|Share|nav|Nav|menu|related|message-container|premium/u;
export const BOILERPLATE_IN_CLASS =
  /^[Cc]omment|(?:article|post)-comments|copyright|affiliate|(?:^|[-_\s])toc(?:$|[-_\s])|(?:^|[-_\s])cta(?:$|[-_\s])|cookie|^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author|^(?:nav|post-nav)|subnav|avigation|navbar|navbox|menu|bar| ad |-ad-|outbrain|taboola|criteo|paid-?content|widget|footer|Footer|byline|Byline|share-|sociable|embedded|embed|tag-list|consent|modal-content|permission|elated|next-|-stories|most-popular|meta|rating|attachment|timestamp|user-info|user-profile|-icon|article-infos|slide|viewport|overlay|options|expand|obfuscated|blurred/u;
/** The class or id word of a teaser: a card of another article, or a theme's name for the lead. */
export const TEASER_NAME = /[tT]easer/u;
/** Ids of hidden blocks and of comment replies. */
export const HIDDEN_ID = /hidden|^reply-/u;
/** A role naming a block as navigation ("navigation", "navbar"…). */
export const NAVIGATION_ROLE = /nav/iu;
/** Blocks named as hidden or print-only, comment titles and replies, spam-filter notices. */
export const HIDDEN_NAME = /(?:^|\s)(?:hidden|hide|hide-print|noprint|notloaded|nocomments|comments-title)(?:\s|$)|^hide-|-hide-|^reply-|-reply-|akismet|suggest-links|message-container/u;

/**
 * Class words of an article's lead (standfirst, "chapô", intro, deck, subtitle): printed beside the
 * title rather than in the text block, and left out by readers that keep only the block.
 */
export const LEAD_NAME =
  /(?:^|[\s_-])(?:lead|leadin|lede|chapo|chapeau|standfirst|intro|introtext|introduction|teaser|teaser-text|abstract|excerpt|summary|subtitle|subheadline|sub-headline|deck|dek|bajada|resume|resum[eé]|accroche)(?=$|[\s_-])/iu;

/**
 * The label of a link to another article set in the text ("À lire aussi : …", "LEA MÁS: …", "Lesen
 * Sie auch: …"): the paragraph it opens is a pointer elsewhere, not the article's text.
 */
export const RELATED_LINK_LABEL = new RegExp(
  `^(?:${[
    '(?:[àa]\\s+)?lire\\s+(?:aussi|[ée]galement|la\\s+suite)', 'voir\\s+aussi', 'sur\\s+le\\s+m[êe]me\\s+sujet',
    'read\\s+(?:more|also|next)', 'see\\s+also', 'related', 'more\\s+on\\s+this', 'recommended', 'also\\s+read',
    'lesen\\s+sie\\s+(?:auch|hier|mehr)', 'auch\\s+lesen', 'mehr\\s+zum\\s+thema', 'zum\\s+weiterlesen', 'auch\\s+interessant', 'schon\\s+gelesen',
    'lea\\s+(?:m[áa]s|tambi[ée]n)', 'lea', 'lee\\s+(?:m[áa]s|tambi[ée]n)', 'mire', 'mira', 'vea\\s+tambi[ée]n', 'ver\\s+m[áa]s', 'puedes\\s+ver',
    '(?:le|te)\\s+puede\\s+interesar', 'te\\s+recomendamos', 'leia\\s+(?:mais|tamb[ée]m)', 'veja\\s+tamb[ée]m', 'czytaj\\s+(?:te[żz]|wi[ęe]cej)',
  ].join('|')})(?:\\s+[^\\s:?.!][^:?.!]{0,40})?\\s*[:?]`,
  'iu',
);
