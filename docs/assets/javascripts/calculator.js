// Calculator pages: fill the form from the URL, send inputs to one shared worker, show the result.
// Every word shown comes from the page (labels built from the label table) or from the package's result
// (its display texts); these modules type none of their own. The worker (engine.js), the form (field.js)
// and the result (output.js, trace.js) each have their module; this one wires them to the page.
import { engineState, ensureWorker, fail, refusedWhy, release, request, watch } from "./engine.js";
import { addRow, clearErrors, collect, prefill, query, rowCount, showErrors, showNormalised, showProfile } from "./field.js";
import { clearResult, show } from "./output.js";
import { refusalNote } from "./refusal.js";
import { READY } from "./worker-protocol.js";

// The result first (after a shared link, when there will be one to show) or the form first, as the stylesheet
// orders them by data-hb-shared.
function resultFirst(first) {
  document.documentElement.toggleAttribute("data-hb-shared", first);
}

// Fill the form from a shared link (once); the result goes first when the link answered every required question
// the form shows and the engine can run (a partial link opens on the form, where the missing answers go).
function fillFromLink(form) {
  const filled = prefill(form);
  const answered = [...form.querySelectorAll("[data-required]")].every((control) => control.value !== "" || control.closest("[hidden]"));
  resultFirst(filled && answered && !refusedWhy());
  return filled;
}

// Show or hide the form's "the engine failed" note (and stop the progress line when shown).
function showFailure(form, shown) {
  if (shown) { resultFirst(false); }
  form.querySelector(".hb-engine-error").hidden = !shown;
  if (shown) { form.querySelector(".hb-progress").classList.add("hb-done"); }
}

// Run the form's calculator on its answers and show the result, the errors or the failure.
function submit(form) {
  const calculator = form.getAttribute("data-calculator");
  const started = performance.now();
  clearErrors(form);
  showFailure(form, false);
  history.replaceState(null, "", `?${query(form)}${location.hash}`);
  return request(calculator, collect(form)).then((message) => {
    if (message.failed || message.error) {
      showFailure(form, true);
      if (message.error) { fail(); }
    } else if (message.result.status === "invalid") {
      resultFirst(false);
      clearResult(form);
      showNormalised(form, message.result.normalised);
      showErrors(form, message.result.errors);
    } else {
      showNormalised(form, message.result.normalised);
      history.replaceState(null, "", `?${query(form)}${location.hash}`);
      show(form, message.result);
    }
    form.setAttribute("data-state", "done");
    window.__handbookLastResultMs = performance.now() - started;
  });
}

// Put the refusal note before the form (a page opened from a file has its own, which the stylesheet shows) and hide
// the form.
function refuse(form) {
  const refused = refusedWhy();
  if (refused !== "file") { form.parentNode.insertBefore(refusalNote(form, refused), form); }
  resultFirst(false);
  form.querySelector(".hb-progress").classList.add("hb-done");
  form.hidden = true;
  form.setAttribute("data-state", "refused");
}

// The form's own buttons: add or remove a list row, copy the link to these answers, print, retry.
function formAction(form, target) {
  const action = target.getAttribute && target.getAttribute("data-action");
  if (action === "add-row") { addRow(target.closest("fieldset")); }
  if (action === "remove-row") {
    const fieldset = target.closest("fieldset");
    if (rowCount(fieldset) > 1) { target.closest("[data-row]").remove(); }
  }
  if (action === "copy-link") {
    history.replaceState(null, "", `?${query(form)}${location.hash}`);
    if (navigator.clipboard) { navigator.clipboard.writeText(location.href); }
  }
  if (action === "print") { window.print(); }
  if (action === "retry") { form.querySelector(".hb-progress").classList.remove("hb-done"); submit(form); }
}

// The result's own actions: change the answers (the form back above the result, its first control focused), or look at
// the finder's result as of another day (from the date box, or a closed or future measure's own day).
function resultAction(form, target) {
  const action = target.getAttribute && target.getAttribute("data-action");
  if (action === "change-answers") {
    resultFirst(false);
    form.scrollIntoView();
    form.querySelector("[name]").focus();
  }
  if (action === "view-as-of") {
    const day = target.getAttribute("data-view-as-of") || form.parentNode.querySelector("[data-view-date]").value;
    const asOf = form.querySelector('[name="as_of"]');
    if (day && asOf) { asOf.value = day; submit(form); }
  }
}

// Wire up the page's calculator form once (or let the worker go on a page without one).
function setup() {
  const form = document.querySelector("form[data-calculator]");
  if (!form) { release(); return; }
  if (form.getAttribute("data-ready")) { return; }
  form.setAttribute("data-ready", "true");
  if (!ensureWorker() && refusedWhy()) { refuse(form); return; }
  const progress = form.querySelector(".hb-progress");
  progress.classList.toggle("hb-done", engineState() === "ready");
  watch((stage) => progress.classList.toggle("hb-done", stage === READY), () => showFailure(form, true));
  if (engineState() === "failed") { showFailure(form, true); }
  form.addEventListener("submit", (event) => { event.preventDefault(); submit(form); });
  form.addEventListener("change", (event) => { if (event.target.name === "profile_type") { showProfile(form); } });
  form.addEventListener("click", (event) => formAction(form, event.target));
  form.parentNode.querySelector(".hb-result").addEventListener("click", (event) => resultAction(form, event.target));
  if (fillFromLink(form)) { submit(form); }
}

// Start the engine at once on a calculator page (this module runs as soon as the page is parsed),
// without waiting for the theme's scripts; the form is filled now and wired up when the page is ready.
const early = document.querySelector("form[data-calculator]");
if (early) { ensureWorker(); fillFromLink(early); }
// Wired up on the first parse too, not only through the theme's document$ (which never emits on a
// page opened from file://); setup runs once per form.
if (typeof document$ !== "undefined") { document$.subscribe(setup); }
if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setup); } else { setup(); }
window.addEventListener("pagehide", release);
