// Copy-citation buttons: every element with data-citation and an id (a clause, an Annex 2 row, an Annex 1 member)
// gets a button that copies its citation (data-citation: the document's number and the place) and its address.
// The words come from the page (.hb-citation-words, built from the label table); this script types none of its own.
// Without JavaScript the ¶ link stays. navigator.clipboard is missing on plain-HTTP hosts other than localhost:
// there the text is selected and copied with execCommand("copy"), and left selected if even that fails.

// The element's address: this page with the element's anchor.
const addressOf = (element) => {
  const url = new URL(window.location.href);
  url.hash = element.id;
  return url.href;
};

// Copy text through the Clipboard API; resolve true when it was copied.
const copyWithClipboard = async (text) => {
  if (!navigator.clipboard || !window.isSecureContext) {
    return false;
  }
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
};

// Put text in a selected field beside the button and copy it with execCommand; true when it was copied.
const copyBySelecting = (text, field) => {
  field.value = text;
  field.hidden = false;
  field.focus();
  field.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  if (copied) {
    field.hidden = true;
  }
  return copied;
};

// One button, its status line and its fallback field, after the element's ¶ link (or at its end).
const addButton = (element, words) => {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "hb-cite-button";
  button.textContent = words.copy;
  const status = document.createElement("span");
  status.className = "hb-cite-status";
  status.setAttribute("role", "status");
  const field = document.createElement("textarea");
  field.className = "hb-cite-field";
  field.readOnly = true;
  field.hidden = true;
  field.setAttribute("aria-label", words.copy);
  button.addEventListener("click", async () => {
    const text = `${element.dataset.citation} ${addressOf(element)}`;
    const copied = (await copyWithClipboard(text)) || copyBySelecting(text, field);
    status.textContent = copied ? words.copied : words.select;
  });
  const anchor = element.querySelector(":scope > .hb-anchor");
  const holder = document.createElement("span");
  holder.className = "hb-cite";
  holder.append(button, status, field);
  if (anchor) {
    anchor.after(holder);
  } else {
    element.append(holder);
  }
};

// Add the buttons on the current page, once per element.
const run = () => {
  const source = document.querySelector(".hb-citation-words");
  if (!source) {
    return;
  }
  const words = { copy: source.dataset.copy, copied: source.dataset.copied, select: source.dataset.select };
  for (const element of document.querySelectorAll("[data-citation][id]:not([data-cite-ready])")) {
    element.dataset.citeReady = "";
    addButton(element, words);
  }
};

if (typeof window.document$ !== "undefined") {
  window.document$.subscribe(run);
} else {
  run();
}
