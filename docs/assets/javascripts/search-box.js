// Search as you type in the header: a combobox whose listbox shows the best pages under the box.
// Nothing runs while an input method (IME) composition is open; without JavaScript the form
// submits to the search page.
import { find } from "./search-index.js";
import { snippetNodes, terms } from "./search-match.js";

const SHOWN = 8;
const OPTION_ID = "hb-header-option-";

// An element of the given tag with attributes and children.
function element(tag, attributes, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) { node.setAttribute(name, value); }
  node.append(...children);
  return node;
}

// A label template from the form's data attributes, filled in ({count} → count).
function wording(form, name, count) {
  return (form.dataset[name] || "").replace("{count}", String(count));
}

// The popup, the listbox, the "no results" line, the link to all results and the live region, added to the form.
function build(form, input) {
  const list = element("div", { id: "hb-header-results", role: "listbox", "aria-label": form.dataset.label || "" });
  const none = element("p", { class: "hb-suggest-none" }, [form.dataset.none || ""]);
  const all = element("a", { class: "hb-suggest-all", href: form.action });
  const popup = element("div", { class: "hb-suggest" }, [list, none, all]);
  const status = element("div", { class: "hb-visually-hidden", role: "status", "aria-live": "polite" });
  popup.hidden = true;
  form.append(popup, status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  return { form, input, list, none, all, popup, status, active: -1, composing: false, justComposed: false, run: 0 };
}

// One option: a link (so instant navigation follows it) to the page, showing its title and its snippet
// with the matched words marked; focus stays in the box.
function option(box, page, wanted, position) {
  const title = element("span", { class: "hb-suggest-title" }, [page.title]);
  const text = element("span", { class: "hb-snippet" }, snippetNodes(page, wanted));
  return element("a", { id: OPTION_ID + position, role: "option", "aria-selected": "false", tabindex: "-1",
                        href: box.root + page.url }, [title, text]);
}

// Show the results of a query (its best SHOWN pages), say how many there are, and open the popup.
function show(box, query, results, wanted) {
  const { pages, count } = results;
  box.list.replaceChildren(...pages.map((page, position) => option(box, page, wanted, position)));
  box.none.hidden = count > 0;
  box.all.hidden = count === 0;
  box.all.href = `${box.form.action}?q=${encodeURIComponent(query)}`;
  box.all.textContent = wording(box.form, "all", count);
  box.status.textContent = count === 0 ? wording(box.form, "none", 0)
    : wording(box.form, count === 1 ? "countOne" : "count", count);
  box.list.dataset.count = String(count);
  setActive(box, -1);
  open(box, true);
}

// Open or close the popup (closing forgets the chosen option).
function open(box, opened) {
  box.popup.hidden = !opened;
  box.input.setAttribute("aria-expanded", String(opened));
  if (!opened) { setActive(box, -1); }
}

// Choose the option at a position (-1: none), keep it in view and tell assistive technology.
function setActive(box, position) {
  const options = box.list.children;
  box.active = position;
  for (const [at, item] of [...options].entries()) { item.setAttribute("aria-selected", String(at === position)); }
  if (position < 0) {
    box.input.removeAttribute("aria-activedescendant");
    return;
  }
  box.input.setAttribute("aria-activedescendant", options[position].id);
  options[position].scrollIntoView({ block: "nearest" });
}

// Search for what the box holds now; an empty box closes the popup. A later run overtakes an earlier one.
function update(box) {
  const query = box.input.value;
  const wanted = terms(query);
  const run = ++box.run;
  if (!wanted.length) {
    box.status.textContent = "";
    open(box, false);
    return;
  }
  find(box.root, wanted, SHOWN).then((results) => {
    if (run === box.run && !box.composing) { show(box, query, results, wanted); }
  });
}

// Move the chosen option by a step, through "none chosen" (the box itself) and round; a closed popup opens first.
function move(box, step) {
  const count = box.list.children.length;
  if (box.popup.hidden) {
    update(box);
    return;
  }
  if (count) { setActive(box, ((box.active + 1 + step + count + 1) % (count + 1)) - 1); }
}

// True for a key press that belongs to an input method: during a composition or the Enter that ends one.
function composingKey(box, event) {
  return box.composing || box.justComposed || event.isComposing || event.keyCode === 229;
}

// The keys of the combobox pattern: arrows choose, Enter opens the chosen page, Escape closes.
function onKey(box, event) {
  if (composingKey(box, event)) {
    if (event.key === "Enter") { event.preventDefault(); }
    return;
  }
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    move(box, event.key === "ArrowDown" ? 1 : -1);
  } else if (event.key === "Enter" && box.active >= 0 && !box.popup.hidden) {
    event.preventDefault();
    box.list.children[box.active].click();
    open(box, false);
  } else if (event.key === "Escape" && !box.popup.hidden) {
    event.preventDefault();
    open(box, false);
  }
}

// Listen to the box: typing (not while composing), the end of a composition, keys, focus leaving.
function listen(box) {
  const { input, form, popup } = box;
  input.addEventListener("compositionstart", () => { box.composing = true; box.run += 1; });
  input.addEventListener("compositionend", () => {
    box.composing = false;
    box.justComposed = true;
    setTimeout(() => { box.justComposed = false; }, 0);
    update(box);
  });
  input.addEventListener("input", (event) => { if (!box.composing && !event.isComposing) { update(box); } });
  input.addEventListener("keydown", (event) => onKey(box, event));
  input.addEventListener("focus", () => { if (input.value.trim() && popup.hidden) { update(box); } });
  form.addEventListener("focusout", (event) => { if (!form.contains(event.relatedTarget)) { open(box, false); } });
  popup.addEventListener("pointerdown", (event) => event.preventDefault());
  popup.addEventListener("click", () => open(box, false));
}

/**
 * Make the header's search form search as the reader types.
 * form: the <form> (data-label, data-none, data-count, data-count-one, data-all: label templates, {count}
 * filled in), holding one <input name="q">; root: the site's root URL (where search-index.json is: the whole
 * index, or a split index's manifest).
 * Calling it again for the same form does nothing.
 */
export function searchAsYouType(form, root) {
  const input = form && form.querySelector("input[name=q]");
  if (!input || form.dataset.ready) { return null; }
  form.dataset.ready = "true";
  const box = { ...build(form, input), root };
  listen(box);
  return box;
}

// Close the popup (after instant navigation has shown another page).
export function close(box) {
  if (box) { open(box, false); }
}
