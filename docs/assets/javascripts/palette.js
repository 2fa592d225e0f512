// The colour toggle in the header (partials/palette.html). The palette is put on <body> before the first paint by
// the header's inline script; this module changes it when the reader asks, keeps the choice where Material keeps it
// (localStorage "__palette", read by that script on the next page) and tells the browser the page's colours.

const KEYS = ["scheme", "primary", "accent"];

// The palette's colours as its option carries them: {scheme, primary, accent, media}.
function colours(input) {
  const colour = { media: input.getAttribute("data-md-color-media") };
  for (const key of KEYS) { colour[key] = input.getAttribute(`data-md-color-${key}`); }
  return colour;
}

// The browser's theme colour and colour scheme, from the header as now styled. Reading them restyles the whole page
// (as Material did on every load), so it happens after a change, and on load only for a palette other than the
// first (the page as built, which the browser's defaults already suit), once the page has settled.
function describe() {
  const style = window.getComputedStyle(document.querySelector("[data-md-component=header]"));
  meta("theme-color").content = style.backgroundColor;
  meta("color-scheme").content = style.colorScheme;
}

// The page's <meta name=…>, made when missing.
function meta(name) {
  let element = document.head.querySelector(`meta[name="${name}"]`);
  if (!element) {
    element = document.createElement("meta");
    element.name = name;
    document.head.append(element);
  }
  return element;
}

// How long after the load the page counts as settled (ms): the theme's own scripts have styled it by then.
const SETTLED_MS = 3000;

// Run a task once the page has settled and is idle.
function whenSettled(task) {
  const idle = () => ("requestIdleCallback" in window ? requestIdleCallback(task) : task());
  setTimeout(idle, SETTLED_MS);
}

// Put the chosen palette on <body> without transitions, show its toggle, and keep the choice.
function choose(inputs, index) {
  const body = document.body;
  body.setAttribute("data-md-color-switching", "");
  const colour = colours(inputs[index]);
  for (const key of KEYS) { body.setAttribute(`data-md-color-${key}`, colour[key]); }
  inputs.forEach((input, at) => {
    const toggle = input.nextElementSibling;
    if (toggle instanceof HTMLElement) { toggle.hidden = at !== index; }
  });
  __md_set("__palette", { index, color: colour });
  requestAnimationFrame(() => {
    body.removeAttribute("data-md-color-switching");
    describe();
  });
}

// Wire up the header's toggle once (the header stays through instant navigation).
function setup() {
  const form = document.querySelector("[data-hb-palette]");
  if (!form || form.hasAttribute("data-ready")) { return; }
  form.setAttribute("data-ready", "");
  const inputs = [...form.querySelectorAll("input")];
  form.addEventListener("change", (event) => choose(inputs, inputs.indexOf(event.target)));
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") { return; }
    const next = inputs[(inputs.findIndex((input) => input.checked) + 1) % inputs.length];
    next.click();
    next.focus();
  });
  if (!inputs[0].checked) { whenSettled(describe); }
}

if (typeof document$ !== "undefined") { document$.subscribe(setup); } else { setup(); }
