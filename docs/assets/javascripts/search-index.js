// The search index, whole (one document's site: search-index.json holds every page) or split (a library's,
// scripts/handbook/site/search_shards.py: search-index.json is its manifest). In a split index a query fetches the
// shards of its grams, keeps the pages holding every gram, and fetches the fragments of the best of them only,
// where search-match.js checks the real substrings and scores them.
import { loadIndex, rank, score } from "./search-match.js";

const FOLDER = "search-index/";
const FNV = { basis: 0x811c9dc5, prime: 0x01000193 };
const files = new Map();

// A JSON file of the index, fetched once per page life.
function load(url) {
  if (!files.has(url)) { files.set(url, fetch(url).then((response) => response.json())); }
  return files.get(url);
}

// The shard of a gram: FNV-1a over its UTF-16 code units, modulo the number of shards.
function shardOf(gram, shards) {
  let hashed = FNV.basis;
  for (let at = 0; at < gram.length; at += 1) { hashed = Math.imul(hashed ^ gram.charCodeAt(at), FNV.prime) >>> 0; }
  return hashed % shards;
}

// The grams looked up for a term: the term itself if one character, else each of its pairs once.
function termGrams(term) {
  const chars = Array.from(term);
  if (chars.length === 1) { return [term]; }
  return [...new Set(chars.slice(1).map((char, at) => chars[at] + char))];
}

// Postings text read back: a Map of page id to weight (steps and weights in base 36, weight 1 left out).
function decode(text) {
  const postings = new Map();
  let last = 0;
  for (const part of text ? text.split(",") : []) {
    const [step, weight] = part.split(".");
    last += parseInt(step, 36);
    postings.set(last, weight ? parseInt(weight, 36) : 1);
  }
  return postings;
}

// The postings of each gram of the terms, from the shards that hold them.
async function postingsOf(root, manifest, wanted) {
  const grams = [...new Set(wanted.flatMap(termGrams))];
  const shards = await Promise.all(grams.map((gram) => load(`${root}${FOLDER}shards/${shardOf(gram, manifest.shards)}.json`)));
  return new Map(grams.map((gram, at) => [gram, decode(shards[at][gram] || "")]));
}

// The pages holding every gram of a term, each with the least weight of its grams.
function termPages(term, postings) {
  let held = null;
  for (const gram of termGrams(term)) {
    const found = postings.get(gram);
    held = held === null ? new Map(found)
      : new Map([...held].filter(([page]) => found.has(page)).map(([page, weight]) => [page, Math.min(weight, found.get(page))]));
  }
  return held;
}

// The pages holding every gram of every term, as [page id, bound], the highest bound first, then by id.
function candidates(wanted, postings) {
  let bounds = null;
  for (const term of wanted) {
    const held = termPages(term, postings);
    bounds = bounds === null ? held
      : new Map([...bounds].filter(([page]) => held.has(page)).map(([page, bound]) => [page, bound + held.get(page)]));
  }
  return [...bounds].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

// The pages of a batch of candidates with their real scores, each read from its fragment file.
async function check(root, manifest, batch, wanted) {
  const pages = await Promise.all(batch.map(([id]) =>
    load(`${root}${FOLDER}pages/${Math.floor(id / manifest.slots)}.json`).then((fragment) => fragment[id % manifest.slots])));
  return pages.map((page) => ({ page, score: score(page, wanted) }));
}

// The best pages for the terms (at most limit, best first) and how many pages hold them (the candidates less
// those found wanting; none if no checked one holds them): candidates are checked in batches, the highest bound
// first, until limit are found or twice limit are checked.
async function findSharded(root, manifest, wanted, limit) {
  const order = candidates(wanted, await postingsOf(root, manifest, wanted));
  const hits = [];
  let checked = 0;
  let misses = 0;
  while (checked < order.length && hits.length < limit && checked < limit + limit) {
    const scored = await check(root, manifest, order.slice(checked, checked + limit), wanted);
    hits.push(...scored.filter((hit) => hit.score > 0));
    misses += scored.filter((hit) => hit.score <= 0).length;
    checked += scored.length;
  }
  hits.sort((a, b) => b.score - a.score);
  return { pages: hits.slice(0, limit).map((hit) => hit.page), count: hits.length ? order.length - misses : 0 };
}

// The best pages for the terms in the index of the site at root (at most limit, best first) and how many
// pages hold them.
export async function find(root, wanted, limit) {
  const index = await loadIndex(root);
  if (index.shards) { return findSharded(root, index, wanted, limit); }
  const ranked = rank(index.pages, wanted);
  return { pages: ranked.slice(0, limit), count: ranked.length };
}
