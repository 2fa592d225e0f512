// The result's trace: each step the package took, explained, with a link to the measure's clause it applied.
import { text } from "./text.js";

// A link to a measure's page (at the clause, when given), titled as the list of measures in scope (the page's, or
// one document's on the library's finder) says.
export function measureLink(number, clause, scope = document) {
  const entry = scope.querySelector(`.hb-measure-units [data-measure="${number}"]`);
  const anchor = document.createElement("a");
  anchor.href = entry.getAttribute("data-href") + (clause ? `#${clause}` : "");
  anchor.textContent = entry.getAttribute("data-title");
  return anchor;
}

// One step of the trace into a list item: its explanation, then the clause it applied.
export function traceStep(li, step) {
  li.appendChild(document.createTextNode(`${text(step.explanation)} `));
  li.appendChild(measureLink(step.measure, step.clause));
}
