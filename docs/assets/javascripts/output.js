// The result section: the package's figures, reasons, warnings, readings and trace, or the policy finder's
// matches grouped by status, each with its estimate, its calculator and the units to ask.
import { text, word } from "./text.js";
import { measureLink, traceStep } from "./trace.js";

// Fill a list with one item per entry (render(li, item) fills each); hide its section when there are none.
function listItems(list, items, render) {
  list.textContent = "";
  (items || []).forEach((item) => { const li = document.createElement("li"); render(li, item); list.appendChild(li); });
  list.parentNode.hidden = !(items && items.length);
}

// A new span of the class at the end of parent.
function paragraph(parent, className) {
  const node = document.createElement("span");
  node.className = className;
  parent.appendChild(node);
  return node;
}

// The package's inputs as a URL query's names and values (a list row's field as list[index].field).
function flatten(inputs) {
  const flat = {};
  Object.keys(inputs).forEach((key) => {
    const value = inputs[key];
    if (Array.isArray(value)) {
      value.forEach((row, index) => { Object.keys(row).forEach((field) => { flat[`${key}[${index}].${field}`] = String(row[field]); }); });
    } else if (value !== null && value !== undefined) { flat[key] = String(value); }
  });
  return flat;
}

// A link to a match's calculator (as the scope lists it), filled with the answers the finder had for it.
function calculatorLink(match, scope) {
  const calc = scope.querySelector(`.hb-measure-units [data-calculator="${match.calculator}"]`);
  const anchor = document.createElement("a");
  anchor.href = `${calc.getAttribute("data-href")}?${new URLSearchParams(flatten(match.inputs || {})).toString()}`;
  anchor.textContent = `${word("open_calculator")} → ${calc.textContent}`;
  return anchor;
}

// An estimated amount in words: the figure, and whether it is left out of the total and why.
function amountWords(estimate, calculatorMatch) {
  const words = word("estimate").replace("{label}", text(estimate.amount.label)).replace("{amount}", text(estimate.amount.text));
  return estimate.in_total ? words : words + word(calculatorMatch ? "not_in_total" : "not_added");
}

// A button that shows the finder's result as of another day (one inside a closed or future measure's period).
function viewButton(day) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button hb-view-then";
  button.setAttribute("data-action", "view-as-of");
  button.setAttribute("data-view-as-of", day);
  button.textContent = word("view_as_of").replace("{date}", day);
  return button;
}

// One finder match: the measure, why, its period, the estimate or what is missing, the calculator, the units to ask
// (its measures, calculators and units as the scope lists them).
function renderMatch(li, match, matches, scope) {
  const title = document.createElement("strong");
  title.appendChild(measureLink(match.measure, null, scope));
  li.appendChild(title);
  paragraph(li, "hb-why").textContent = text(match.reason);
  if (match.timing) { paragraph(li, "hb-timing").textContent = text(match.timing); }
  const estimate = match.estimate;
  if (estimate && estimate.amount && estimate.eligible !== false) {
    const shared = matches.some((other) => other !== match && other.calculator === match.calculator && other.estimate && other.estimate.in_total);
    paragraph(li, "hb-amount").textContent = amountWords(estimate, shared);
    if (estimate.condition) { paragraph(li, "hb-condition").textContent = text(estimate.condition); }
  } else if (estimate && estimate.amount) {
    paragraph(li, "hb-missing").textContent = `${word("not_eligible_now")} ${estimate.reasons.map(text).join(word("reason_join"))}`;
  } else if (estimate && estimate.missing && estimate.missing.length) {
    paragraph(li, "hb-missing").textContent = `${word("still_needed")} ${estimate.missing.map(text).join(word("list_join"))}`;
  }
  if (match.view_as_of) { li.appendChild(viewButton(match.view_as_of)); }
  if (match.calculator) { paragraph(li, "hb-calc-link").appendChild(calculatorLink(match, scope)); }
  const units = scope.querySelector(`.hb-measure-units [data-measure="${match.measure}"]`);
  const span = paragraph(li, "hb-snippet");
  span.appendChild(document.createTextNode(`${word("units_to_contact")} `));
  units.childNodes.forEach((node) => span.appendChild(node.cloneNode(true)));
}

// The finder's matches in their status groups of a result section, or its "no matches" line; their links from the
// lists in scope (the page's, or one document's on the library's finder).
export function showMatches(section, matches, scope = document) {
  section.querySelectorAll("[data-status]").forEach((group) => {
    const status = group.getAttribute("data-status");
    listItems(group.querySelector("ul"), matches.filter((match) => match.status === status),
              (li, match) => renderMatch(li, match, matches, scope));
  });
  const none = section.querySelector(".hb-placeholder");
  none.hidden = matches.length > 0;
  none.textContent = word("no_matches");
}

// The result's figures in a result section's outputs (each with its value as data), those it has no text for hidden.
export function showFigures(section, result) {
  const figures = {};
  (result.display || []).forEach((figure) => { figures[figure.name] = figure; });
  section.querySelector(".hb-figures").hidden = !(result.display && result.display.length);
  section.querySelectorAll("output").forEach((output) => {
    const name = output.getAttribute("name");
    const value = result[name];
    output.setAttribute("data-value", JSON.stringify(value === undefined ? null : value));
    output.value = figures[name] ? text(figures[name].text) : "";
    output.parentNode.parentNode.hidden = !figures[name];
  });
}

// Show a result of the package in the form's result section.
export function show(form, result) {
  const section = form.parentNode.querySelector(".hb-result");
  section.setAttribute("data-state", "shown");
  section.querySelector(".hb-placeholder").hidden = true;
  showFigures(section, result);
  listItems(section.querySelector('[data-result="reasons"]'), result.reasons, (li, reason) => { li.textContent = text(reason); });
  listItems(section.querySelector('[data-result="warnings"]'), result.warnings, (li, warning) => { li.textContent = text(warning); });
  listItems(section.querySelector('[data-result="readings"]'), result.readings, (li, reading) => {
    li.appendChild(document.createTextNode(`${text(reading)} `));
    paragraph(li, "hb-reading-id").textContent = reading.id;
  });
  if (result.matches) { showMatches(section, result.matches); }
  const viewDate = section.querySelector("[data-view-date]");
  if (viewDate) { viewDate.value = result.as_of; }
  listItems(section.querySelector('[data-result="trace"]'), result.matches ? [] : result.trace, traceStep);
}

// Empty the result section (back to its placeholder).
export function clearResult(form) {
  const section = form.parentNode.querySelector(".hb-result");
  section.setAttribute("data-state", "empty");
  section.querySelector(".hb-placeholder").hidden = false;
}
