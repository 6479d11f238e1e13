/**
 * The HTML shell every page shares, and the escaping every value goes through. Pages are plain
 * functions returning strings: each value from the archive is escaped here, once, so no title,
 * section or URL from a page can open a tag.
 */

const HTML_SPECIAL = /[&<>"']/g;
const HTML_ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIAL, (c) => HTML_ENTITY[c] ?? c);
}

/** What the shell needs to place a page in the site. */
interface PageShell {
  /** The page's path in the site (POSIX, e.g. "2017/12/index.html"): links are made relative to it. */
  readonly path: string;
  readonly title: string;
  /** The page's own content, placed in `<main>`. */
  readonly main: string;
  /** Side content (lists, links), placed in `<aside>` after `<main>`. */
  readonly aside?: string | undefined;
  /** Scripts of the site to load at the end of the body, relative to the site's root. */
  readonly scripts?: readonly string[] | undefined;
}

/** The site's name, in the header and in every title. */
const SITE_NAME = 'Archives des actualités de Beauvais';

/** The relative prefix from a page to the site's root ("" at the root, "../../" two folders down). */
function toRoot(pagePath: string): string {
  return '../'.repeat(pagePath.split('/').length - 1);
}

/** Link targets a page may show from an archive's fields: web pages only. */
const WEB_URL = /^https?:\/\//i;

/** A link to a web page, or the text alone when the value is not a web URL. */
export function renderExternalLink(url: string, text = url): string {
  return WEB_URL.test(url) ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(text)}</a>` : escapeHtml(text);
}

/** The relative path from `fromPath` to `toPath`, both site paths, as text (not yet escaped for HTML). */
export function relativePath(fromPath: string, toPath: string): string {
  return toRoot(fromPath) + toPath;
}

/** A relative link from `fromPath` to `toPath`, both site paths, escaped for an attribute. */
export function linkTo(fromPath: string, toPath: string): string {
  return escapeHtml(relativePath(fromPath, toPath));
}

/** A whole HTML page: French, one `<main>`, menus in `<nav>`, no request outside the site. */
export function renderPage(shell: PageShell): string {
  const root = toRoot(shell.path);
  const scripts = (shell.scripts ?? []).map((s) => `<script src="${escapeHtml(root + s)}"></script>`).join('\n');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'">
<title>${escapeHtml(shell.title)} · ${escapeHtml(SITE_NAME)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${root}assets/site.css">
</head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<header class="site-header">
<p class="site-name"><a href="${root}index.html">${escapeHtml(SITE_NAME)}</a></p>
<nav aria-label="Menu principal">
<ul>
<li><a href="${root}index.html">Accueil</a></li>
<li><a href="${root}annees.html">Par date</a></li>
<li><a href="${root}rubriques/index.html">Rubriques</a></li>
<li><a href="${root}recherche.html">Recherche</a></li>
</ul>
</nav>
<form class="search-form" role="search" action="${root}recherche.html" method="get">
<label for="q-header">Rechercher</label>
<input id="q-header" name="q" type="search" autocomplete="off">
<button type="submit">Chercher</button>
</form>
</header>
<div class="layout">
<main id="contenu" tabindex="-1">
${shell.main}
</main>
${shell.aside ? `<aside>\n${shell.aside}\n</aside>` : ''}
</div>
<footer class="site-footer">
<p>Copie locale des actualités publiées par la Mairie de Beauvais, produite par beauvais-archive à partir des fichiers de l’archive. Aucune requête vers un autre site.</p>
</footer>
${scripts}
</body>
</html>
`;
}
