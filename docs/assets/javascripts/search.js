// Site search: substring matching over a per-language index, so Chinese words match
// inside longer words (保险 in 社会保险费) and English matches word stems.
(function () {
  "use strict";
  var indexPromise = null;
  var RANKING = { countCap: 64, titleWeight: 16, textCap: 16, lengthDivisor: 16384 };
  var DISPLAY = { maxResults: 25, snippetBefore: 48, snippetLength: 128, stemMinLength: 4 };

  function siteRoot() {
    var script = document.querySelector('script[src$="assets/javascripts/search.js"]');
    return script ? script.src.replace(/assets\/javascripts\/search\.js.*$/, "") : "/";
  }

  function loadIndex() {
    if (!indexPromise) {
      indexPromise = fetch(siteRoot() + "search-index.json").then(function (r) { return r.json(); });
    }
    return indexPromise;
  }

  function stem(word) {
    return word.replace(/(ies|ing|ed|es|s)$/, "").replace(/(ion|ions)$/, "") || word;
  }

  function terms(query) {
    return query.toLowerCase().split(/[\s,，。、]+/).filter(Boolean).map(function (term) {
      return /^[a-z]+$/.test(term) && term.length > DISPLAY.stemMinLength ? stem(term) : term;
    });
  }

  function count(haystack, needle) {
    var n = 0, at = haystack.indexOf(needle);
    while (at !== -1 && n < RANKING.countCap) { n += 1; at = haystack.indexOf(needle, at + needle.length); }
    return n;
  }

  function score(page, wanted) {
    var title = page.title.toLowerCase(), text = page.text.toLowerCase(), total = 0;
    for (var i = 0; i < wanted.length; i += 1) {
      var inTitle = count(title, wanted[i]), inText = count(text, wanted[i]);
      if (!inTitle && !inText) { return 0; }
      total += inTitle * RANKING.titleWeight + Math.min(inText, RANKING.textCap);
    }
    return total - text.length / RANKING.lengthDivisor;
  }

  function snippet(page, wanted) {
    var text = page.text, at = text.toLowerCase().indexOf(wanted[0]);
    var start = Math.max(0, at - DISPLAY.snippetBefore);
    return (start ? "…" : "") + text.slice(start, start + DISPLAY.snippetLength) + "…";
  }

  function render(list, results, wanted, root) {
    list.textContent = "";
    results.slice(0, DISPLAY.maxResults).forEach(function (page) {
      var item = document.createElement("li"), anchor = document.createElement("a"), text = document.createElement("span");
      anchor.href = root + page.url;
      anchor.textContent = page.title;
      text.className = "hb-snippet";
      text.textContent = snippet(page, wanted);
      item.appendChild(anchor);
      item.appendChild(text);
      list.appendChild(item);
    });
    list.setAttribute("data-count", String(results.length));
    if (!results.length) {
      var none = document.createElement("li");
      none.textContent = list.getAttribute("data-none");
      list.appendChild(none);
    }
  }

  function run() {
    var list = document.getElementById("hb-search-results");
    if (!list) { return; }
    var query = new URLSearchParams(window.location.search).get("q") || "";
    var input = document.getElementById("hb-search-page-q");
    if (input) { input.value = query; }
    if (!query.trim()) { return; }
    var wanted = terms(query), root = siteRoot();
    loadIndex().then(function (index) {
      var results = index.pages.map(function (page) { return { page: page, score: score(page, wanted) }; })
        .filter(function (hit) { return hit.score > 0; })
        .sort(function (a, b) { return b.score - a.score; })
        .map(function (hit) { return hit.page; });
      render(list, results, wanted, root);
    });
  }

  if (typeof document$ !== "undefined") { document$.subscribe(run); } else { document.addEventListener("DOMContentLoaded", run); }
})();
