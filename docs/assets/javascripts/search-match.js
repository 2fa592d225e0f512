// Matching and ranking for the site search: substrings over a per-language index, so Chinese words
// match inside longer words (保险 in 社会保险费) and English words match by their stems.
const RANKING = { countCap: 64, titleWeight: 16, textCap: 16, lengthDivisor: 16384 };
const SNIPPET = { before: 48, length: 128, stemMinLength: 4 };
const LATIN = /^[a-z]+$/;
const indexes = new Map();

// The index of the site whose root URL is given, fetched once per page life: {pages: [{title, url, text}]}, or a
// split index's manifest (search-index.js).
export function loadIndex(root) {
  if (!indexes.has(root)) {
    indexes.set(root, fetch(root + "search-index.json").then((response) => response.json()));
  }
  return indexes.get(root);
}

// An English word without its common endings (applies → appl, retention → retent).
function stem(word) {
  return word.replace(/(ies|ing|ed|es|s)$/, "").replace(/(ion|ions)$/, "") || word;
}

// The lower-case terms of a query: split at spaces and Chinese punctuation, long English words stemmed.
export function terms(query) {
  return query.toLowerCase().split(/[\s,，。、]+/).filter(Boolean)
    .map((term) => (LATIN.test(term) && term.length > SNIPPET.stemMinLength ? stem(term) : term));
}

// How often needle occurs in haystack, counted up to the cap.
function count(haystack, needle) {
  let n = 0;
  let at = haystack.indexOf(needle);
  while (at !== -1 && n < RANKING.countCap) {
    n += 1;
    at = haystack.indexOf(needle, at + needle.length);
  }
  return n;
}

// A page's score for the terms: 0 unless every term occurs; title hits weigh most, long pages a little less.
export function score(page, wanted) {
  const title = page.title.toLowerCase();
  const text = page.text.toLowerCase();
  let total = 0;
  for (const term of wanted) {
    const inTitle = count(title, term);
    const inText = count(text, term);
    if (!inTitle && !inText) { return 0; }
    total += inTitle * RANKING.titleWeight + Math.min(inText, RANKING.textCap);
  }
  return total - text.length / RANKING.lengthDivisor;
}

// The pages that hold every term, best first.
export function rank(pages, wanted) {
  if (!wanted.length) { return []; }
  return pages.map((page) => ({ page, score: score(page, wanted) }))
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((hit) => hit.page);
}

// The [start, end) spans of text where a term occurs (an English stem grown to its whole word), merged.
function spans(text, wanted) {
  const lower = text.toLowerCase();
  const found = [];
  for (const term of wanted) {
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + term.length)) {
      let end = at + term.length;
      if (LATIN.test(term)) {
        while (end < lower.length && /[a-z]/.test(lower[end])) { end += 1; }
      }
      found.push([at, end]);
    }
  }
  found.sort((a, b) => a[0] - b[0]);
  return found.reduce((merged, span) => {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) { last[1] = Math.max(last[1], span[1]); } else { merged.push(span); }
    return merged;
  }, []);
}

// A page's words around its first match after its title (which the text repeats first), as parts
// [{text, mark}] where mark says the part is a matched word; the text's start when only the title matches.
export function snippet(page, wanted) {
  const text = page.text;
  const lower = text.toLowerCase();
  const body = text.startsWith(page.title) ? page.title.length : 0;
  const first = Math.min(...wanted.map((term) => lower.indexOf(term, body)).filter((at) => at !== -1), text.length);
  const start = first === text.length ? body : Math.max(body, first - SNIPPET.before);
  const shown = text.slice(start, start + SNIPPET.length).trimStart();
  const parts = start > body ? [{ text: "…", mark: false }] : [];
  let done = 0;
  for (const [from, to] of spans(shown, wanted)) {
    if (from > done) { parts.push({ text: shown.slice(done, from), mark: false }); }
    parts.push({ text: shown.slice(from, to), mark: true });
    done = to;
  }
  if (done < shown.length) { parts.push({ text: shown.slice(done), mark: false }); }
  if (start + SNIPPET.length < text.length) { parts.push({ text: "…", mark: false }); }
  return parts;
}

// The snippet as DOM nodes: text, and <mark> around the matched words.
export function snippetNodes(page, wanted) {
  return snippet(page, wanted).map((part) => {
    if (!part.mark) { return document.createTextNode(part.text); }
    const mark = document.createElement("mark");
    mark.textContent = part.text;
    return mark;
  });
}
