/**
 * The search page and the script it runs in the browser. The script loads the index's files with
 * <script> tags (they work from file:// as from a web server), shard by shard as the words of a query
 * need them, and writes results with DOM text nodes only. Folding and stop words are those of
 * search-index.ts, written into the script from the same constants.
 */
import { renderPage } from './html.js';
import { COMBINING_MARKS, LIGATURE, LIGATURES, PLAIN_SHARD, STOP_WORDS, WORD_SEPARATORS } from './search-index.js';

/** Results shown for one query. */
const MAX_RESULTS = 50;

/** recherche.html. */
export function renderSearchPage(): string {
  const main = `<h1>Recherche</h1>
<form id="search" class="search-page-form" role="search" action="recherche.html" method="get">
<label for="q">Mots à chercher dans les titres et les textes</label>
<input id="q" name="q" type="search" autocomplete="off" aria-describedby="search-help">
<button type="submit">Chercher</button>
<p id="search-help" class="meta">Les accents et les majuscules sont ignorés : « ecole » trouve « école ». Un début de mot suffit.</p>
</form>
<noscript><p>La recherche demande JavaScript. Sans lui, parcourez les articles <a href="annees.html">par date</a> ou <a href="rubriques/index.html">par rubrique</a>.</p></noscript>
<p id="search-status" role="status" aria-live="polite"></p>
<ol id="search-results" class="articles"></ol>`;
  return renderPage({ path: 'recherche.html', title: 'Recherche', main, scripts: ['assets/search.js'] });
}

/** assets/search.js. */
export function renderSearchClient(): string {
  return `'use strict';
(function () {
  var MARKS = new RegExp(${JSON.stringify(COMBINING_MARKS.source)}, 'gu');
  var SEPARATORS = new RegExp(${JSON.stringify(WORD_SEPARATORS.source)}, 'u');
  var LIGATURES = ${JSON.stringify(LIGATURES)};
  var LIGATURE = new RegExp(${JSON.stringify(LIGATURE.source)}, 'g');
  var STOP = new Set(${JSON.stringify(STOP_WORDS)});
  var MAX_RESULTS = ${MAX_RESULTS};
  var PLAIN_SHARD = new RegExp(${JSON.stringify(PLAIN_SHARD.source)});
  // As toShardName in search-index.ts.
  function shardName(term) {
    var key = Array.from(term).slice(0, 2).join('');
    return PLAIN_SHARD.test(key) ? key : 'u' + Array.from(key).map(function (c) { return c.codePointAt(0).toString(16); }).join('-');
  }
  var store = { meta: null, terms: {}, docs: {} };
  var loading = {};
  window.BeauvaisSearch = {
    meta: function (m) { store.meta = m; },
    terms: function (name, data) { store.terms[name] = data; },
    docs: function (n, rows) { store.docs[n] = rows; }
  };
  function load(src) {
    if (!loading[src]) {
      loading[src] = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = src;
        s.onload = resolve;
        s.onerror = function () { reject(new Error('index introuvable : ' + src)); };
        document.head.appendChild(s);
      });
    }
    return loading[src];
  }
  function fold(text) {
    return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(LIGATURE, function (c) { return LIGATURES[c]; });
  }
  function terms(text) {
    var seen = new Set();
    return fold(text).split(SEPARATORS).filter(function (t) {
      if (t.length < 2 || STOP.has(t) || seen.has(t)) return false;
      seen.add(t);
      return true;
    });
  }
  // A word matches the indexed terms it begins; the exact term weighs twice a longer one.
  async function scoresOf(term) {
    var scores = new Map();
    var name = shardName(term);
    if (store.meta.shards.indexOf(name) < 0) return scores;
    await load('search/t-' + name + '.js');
    var shard = store.terms[name] || {};
    Object.keys(shard).forEach(function (t) {
      if (t.slice(0, term.length) !== term) return;
      var factor = t === term ? 2 : 1;
      var postings = shard[t];
      for (var i = 0; i < postings.length; i += 2) {
        scores.set(postings[i], (scores.get(postings[i]) || 0) + postings[i + 1] * factor);
      }
    });
    return scores;
  }
  async function search(query) {
    await load('search/meta.js');
    var words = terms(query);
    if (words.length === 0) return null;
    var all = await Promise.all(words.map(scoresOf));
    var total = all.reduce(function (acc, scores) {
      if (acc === null) return scores;
      var both = new Map();
      acc.forEach(function (s, doc) { if (scores.has(doc)) both.set(doc, s + scores.get(doc)); });
      return both;
    }, null);
    // Equal scores: the higher number first (numbers follow the archive's file order, oldest first).
    var ranked = Array.from(total.entries()).sort(function (a, b) { return b[1] - a[1] || b[0] - a[0]; });
    var top = ranked.slice(0, MAX_RESULTS).map(function (r) { return r[0]; });
    var chunks = new Set(top.map(function (doc) { return Math.floor(doc / store.meta.perChunk); }));
    await Promise.all(Array.from(chunks).map(function (n) { return load('search/docs-' + n + '.js'); }));
    var docs = top.map(function (doc) { return store.docs[Math.floor(doc / store.meta.perChunk)][doc % store.meta.perChunk]; });
    return { count: ranked.length, docs: docs.filter(Boolean) };
  }
  var form = document.getElementById('search');
  var input = document.getElementById('q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var latest = 0;
  function show(result, query) {
    list.textContent = '';
    if (result === null) { status.textContent = query ? 'Aucun mot à chercher dans « ' + query + ' ».' : ''; return; }
    status.textContent = result.count === 0 ? 'Aucun article ne contient « ' + query + ' ».'
      : result.count + (result.count > 1 ? ' articles trouvés' : ' article trouvé') + (result.count > MAX_RESULTS ? ', les ' + MAX_RESULTS + ' plus pertinents ci-dessous.' : '.');
    result.docs.forEach(function (d) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = d[0];
      a.className = 'article-link';
      a.textContent = d[1];
      var meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = ' ' + d[2] + (d[3] ? ' · ' + d[3] : '');
      li.appendChild(a);
      li.appendChild(meta);
      list.appendChild(li);
    });
  }
  function run(query) {
    var id = ++latest;
    status.textContent = 'Recherche…';
    search(query).then(function (result) { if (id === latest) show(result, query); }, function (error) {
      if (id === latest) status.textContent = 'La recherche a échoué : ' + error.message;
    });
  }
  var timer = 0;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 150);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    try { history.replaceState(null, '', '?q=' + encodeURIComponent(input.value)); } catch (e) { /* some file:// setups refuse it */ }
    run(input.value);
  });
  var initial = new URLSearchParams(location.search).get('q');
  if (initial) { input.value = initial; run(initial); }
})();
`;
}
