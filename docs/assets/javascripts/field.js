// The calculator form's fields: filled from the URL, read into the package's inputs and back into a query,
// list rows added, and the package's errors and normalised values shown beside their controls.
import { text } from "./text.js";

const MAX_ROWS = 500;  // a URL may fill at most this many rows of a list, so a huge index cannot hang the page
const LIST_NAME = /^([^[]+)\[(\d+)\]\./;

// Set one input in target by its control name: a plain name, or a list row's field as list[index].field.
function setPath(target, path, value) {
  const match = /^([^[]+)\[(\d+)\]\.(.+)$/.exec(path);
  if (!match) { target[path] = value; return; }
  const list = target[match[1]] = target[match[1]] || [];
  list[Number(match[2])] = list[Number(match[2])] || {};
  list[Number(match[2])][match[3]] = value;
}

// The controls that count: filled in, and not in a group of questions for another profile.
function answered(form) {
  const profile = form.querySelector('[name="profile_type"]');
  return [...form.querySelectorAll("[name]")].filter((control) => {
    const group = control.closest("[data-profile]");
    return control.value !== "" && !(group && profile && group.getAttribute("data-profile") !== profile.value);
  });
}

// The form's answers as the package's inputs: {name: value}, a list as an array of rows.
export function collect(form) {
  const inputs = {};
  answered(form).forEach((control) => setPath(inputs, control.name, control.value));
  Object.keys(inputs).forEach((key) => {
    if (Array.isArray(inputs[key])) { inputs[key] = inputs[key].filter(Boolean); }
  });
  return inputs;
}

// The form's answers as a URL query (without the "?").
export function query(form) {
  const params = new URLSearchParams();
  answered(form).forEach((control) => params.append(control.name, control.value));
  return params.toString();
}

// The number of rows of a list's fieldset.
export function rowCount(fieldset) {
  return fieldset.querySelectorAll("[data-row]").length;
}

// Add an empty row after the list's last one, its names and ids numbered for its place; return it.
export function addRow(fieldset) {
  const rows = fieldset.querySelectorAll("[data-row]");
  const template = rows[rows.length - 1];
  const index = rowCount(fieldset);
  const copy = template.cloneNode(true);
  const list = fieldset.getAttribute("data-list");
  copy.setAttribute("data-row", String(index));
  copy.querySelectorAll("[name], [id], [for], [aria-describedby], [data-error-for]").forEach((node) => {
    ["name", "id", "for", "aria-describedby", "data-error-for"].forEach((attribute) => {
      const value = node.getAttribute(attribute);
      if (value) { node.setAttribute(attribute, value.split(`${list}[${index - 1}]`).join(`${list}[${index}]`).split(`-${list}-${index - 1}-`).join(`-${list}-${index}-`)); }
    });
    if (node.name) { node.value = ""; }
    if (node.hasAttribute("data-error-for")) { node.textContent = ""; }
    node.removeAttribute("aria-invalid");
  });
  template.parentNode.insertBefore(copy, template.nextSibling);
  return copy;
}

// Fill the form from a URL query, adding list rows as needed; tell whether any control was filled.
function fill(form, search) {
  const params = new URLSearchParams(search);
  let filled = false;
  params.forEach((value, name) => {
    const match = LIST_NAME.exec(name);
    if (match && Number(match[2]) >= MAX_ROWS) { return; }
    if (match) {
      const fieldset = form.querySelector(`[data-list="${CSS.escape(match[1])}"]`);
      while (fieldset && rowCount(fieldset) <= Number(match[2])) { addRow(fieldset); }
    }
    const control = form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (control) { control.value = value; filled = true; }
  });
  return filled;
}

// The finder asks only the questions of the chosen profile (the stylesheet shows the groups of data-hb-profile).
export function showProfile(form) {
  const profile = form.querySelector('[name="profile_type"]');
  if (profile) { document.documentElement.setAttribute("data-hb-profile", profile.value); }
}

// Fill the form from a shared link and show the profile's questions once, as early as possible,
// so the page does not move after it is first drawn; tell whether anything was filled.
export function prefill(form) {
  if (form.hasAttribute("data-filled")) { return form.getAttribute("data-filled") === "true"; }
  const filled = fill(form, location.search);
  showProfile(form);
  form.setAttribute("data-filled", String(filled));
  return filled;
}

// Empty every error slot and unmark every invalid control.
export function clearErrors(form) {
  form.querySelectorAll("[data-error-for]").forEach((slot) => { slot.textContent = ""; });
  form.querySelectorAll("[aria-invalid]").forEach((control) => control.removeAttribute("aria-invalid"));
}

// Each error next to its control (a list row's error on that row), the control marked invalid.
export function showErrors(form, errors) {
  errors.forEach((error) => {
    const name = error.control || error.field || "";
    let slot = null;
    form.querySelectorAll("[data-error-for]").forEach((candidate) => {
      if (!slot && candidate.getAttribute("data-error-for") === name) { slot = candidate; }
    });
    slot = slot || form.querySelector(".hb-form-error");
    slot.textContent = (slot.textContent ? `${slot.textContent} ` : "") + text(error.message);
    const control = name && form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (control) { control.setAttribute("aria-invalid", "true"); }
  });
  const first = form.querySelector('[aria-invalid="true"]');
  if (first) { first.focus(); }
}

// What the package read is shown back in the form (e.g. full-width digits as plain ones).
export function showNormalised(form, normalised) {
  Object.keys(normalised || {}).forEach((name) => {
    const control = form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (control) { control.value = normalised[name]; }
  });
}
