// The page's words: bilingual texts from the package's results in the page's language, and the words the
// page carries (.hb-words, built from the label table); the calculator scripts type none of their own.

// The page's language, "zh" or "en".
function lang() {
  return document.documentElement.lang === "en" ? "en" : "zh";
}

// A bilingual value ({zh, en}) in the page's language; anything else as a string.
export function text(value) {
  return value && typeof value === "object" && value.zh !== undefined ? value[lang()] : String(value);
}

// One of the page's words, by its label key.
export function word(key) {
  return document.querySelector(`.hb-words [data-word="${key}"]`).textContent;
}
