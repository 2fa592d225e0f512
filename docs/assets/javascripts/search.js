// Site search: the header box searches as the reader types (search-box.js); the search page
// (search/?q=, where the header form submits) lists every result. Matching in search-match.js.
import { find } from "./search-index.js";
import { snippetNodes, terms } from "./search-match.js";
import { close, searchAsYouType } from "./search-box.js";

const ROOT = new URL("../../", import.meta.url).href;
const PAGE_RESULTS = 25;
let box = null;

// One result of the search page: the page's title as a link, then its snippet with the matched words marked.
function result(page, wanted) {
  const item = document.createElement("li");
  const anchor = document.createElement("a");
  const text = document.createElement("span");
  anchor.href = ROOT + page.url;
  anchor.textContent = page.title;
  text.className = "hb-snippet";
  text.append(...snippetNodes(page, wanted));
  item.append(anchor, text);
  return item;
}

// Fill the search page's list with the results of its ?q= query (or the "no results" line).
function render(list, results, wanted) {
  const items = results.pages.map((page) => result(page, wanted));
  if (!results.count) {
    const none = document.createElement("li");
    none.textContent = list.dataset.none;
    items.push(none);
  }
  list.replaceChildren(...items);
  list.dataset.count = String(results.count);
}

// On the search page, run its query; on every page, make the header box search as the reader types.
function run() {
  const form = document.querySelector("form.hb-header-search");
  close(box);
  if (form && !form.dataset.ready) { box = searchAsYouType(form, ROOT); }
  const list = document.getElementById("hb-search-results");
  if (!list) { return; }
  const query = new URLSearchParams(window.location.search).get("q") || "";
  const input = document.getElementById("hb-search-page-q");
  if (input) { input.value = query; }
  const wanted = terms(query);
  if (!wanted.length) { return; }
  find(ROOT, wanted, PAGE_RESULTS).then((results) => render(list, results, wanted));
}

if (typeof document$ === "undefined") { run(); } else { document$.subscribe(run); }
