// The note a calculator form shows in its place when this browser or page cannot run it: why, in the page's words,
// with links to the page's sections readable without it.
import { word } from "./text.js";

// The page's own sections after the form that serve without JavaScript (a calculator's rules and worked
// example, the finder's guide and list of measures, the library finder's documents): every h2 with an id below
// the form, outside a result.
function readableSections(form) {
  return [...document.querySelectorAll("article h2[id]")].filter((heading) =>
    !heading.closest(".hb-result") && (form.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING));
}

// A note saying in the page's language why the calculator cannot run, linking to what the page offers without it.
export function refusalNote(form, refused) {
  const note = document.createElement("p");
  note.className = "hb-refusal";
  note.setAttribute("role", "alert");
  note.setAttribute("data-refused", refused);
  note.appendChild(document.createTextNode(word("refused_lead") + word(`refused_${refused}`) + word("refused_rest")));
  readableSections(form).forEach((heading, index) => {
    const anchor = document.createElement("a");
    anchor.href = `#${heading.id}`;
    anchor.textContent = heading.textContent;
    if (index) { note.appendChild(document.createTextNode(word("list_join"))); }
    note.appendChild(anchor);
  });
  note.appendChild(document.createTextNode(word("sentence_end")));
  return note;
}
