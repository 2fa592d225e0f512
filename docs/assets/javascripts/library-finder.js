// The library's finder page: the policy finder's questions once; on submit (or from a shared link) each document's
// own finder runs in that document's own worker (its calculators, manifest and parameters), one document after
// another, and the document's section lists its matches, linked to that document's pages.
import { missingSupport, moduleWorker } from "./engine.js";
import { clearErrors, collect, prefill, query, showErrors, showNormalised, showProfile } from "./field.js";
import { showFigures, showMatches } from "./output.js";
import { refusalNote } from "./refusal.js";
import { leaveMessage, messageKind, requestMessage } from "./worker-protocol.js";

const ANSWER_LIMIT_MS = 120000;  // a document's worker must start and answer within this time (a slow phone)

// Run the calculator on the inputs in one document's worker; resolves with its answer, or {failed: true}. Once it
// has answered the worker is asked to leave (it closes when any snapshot it keeps is stored).
function runIn(section, calculator, inputs) {
  return new Promise((resolve) => {
    const worker = moduleWorker(new URL(section.getAttribute("data-worker"), location.href).href);
    if (!worker) { resolve({ failed: true }); return; }
    const finish = (message) => {
      clearTimeout(timer);
      worker.onmessage = worker.onerror = worker.onmessageerror = null;
      if (message.failed) { worker.terminate(); } else { worker.postMessage(leaveMessage()); }
      resolve(message);
    };
    const timer = setTimeout(() => finish({ failed: true }), ANSWER_LIMIT_MS);
    worker.onerror = worker.onmessageerror = () => finish({ failed: true });
    worker.onmessage = (event) => { if (messageKind(event.data) === "answer") { finish(event.data); } };
    worker.postMessage(requestMessage(1, calculator, inputs));
  });
}

// Show one document's answer in its section: its figures and matches, or the note that its finder could not run.
function showAnswer(section, message) {
  const failed = Boolean(message.failed || message.error);
  const result = section.querySelector(".hb-result");
  result.setAttribute("data-state", failed ? "failed" : "shown");
  section.querySelector(".hb-engine-error").hidden = !failed;
  section.querySelector(".hb-placeholder").hidden = failed;
  if (!failed) {
    showFigures(result, message.result);
    showMatches(result, message.result.matches, section);
  }
  return !failed;
}

// The documents' sections first (after a shared link, as the stylesheet orders them by data-hb-shared) or the form.
function resultsFirst(first) {
  document.documentElement.toggleAttribute("data-hb-shared", first);
}

// Run every document's finder on the form's answers and show each in its section (a submit while they run is let
// go); answers the package finds invalid stop the run and are shown beside their questions, as on a document's finder.
async function submit(form) {
  if (form.getAttribute("data-state") === "running") { return; }
  const calculator = form.getAttribute("data-library-finder");
  const progress = form.querySelector(".hb-progress");
  let shown = true;
  clearErrors(form);
  form.setAttribute("data-state", "running");
  form.querySelector(".hb-engine-error").hidden = true;
  progress.classList.remove("hb-done");
  history.replaceState(null, "", `?${query(form)}${location.hash}`);
  for (const section of document.querySelectorAll(".hb-document-finder[data-worker]")) {
    section.querySelector(".hb-result").setAttribute("data-state", "running");
    const message = await runIn(section, calculator, collect(form));
    if (message.result) { showNormalised(form, message.result.normalised); }
    if (message.result && message.result.status === "invalid") {
      section.querySelector(".hb-result").setAttribute("data-state", "empty");
      resultsFirst(false);
      showErrors(form, message.result.errors);
      break;
    }
    shown = showAnswer(section, message) && shown;
  }
  form.querySelector(".hb-engine-error").hidden = shown;
  progress.classList.add("hb-done");
  form.setAttribute("data-state", "done");
}

// The form's buttons: copy the link to these answers, print, or run again after a failure.
function formAction(form, target) {
  const action = target.getAttribute && target.getAttribute("data-action");
  if (action === "copy-link") {
    history.replaceState(null, "", `?${query(form)}${location.hash}`);
    if (navigator.clipboard) { navigator.clipboard.writeText(location.href); }
  }
  if (action === "print") { window.print(); }
  if (action === "retry") { submit(form); }
}

// The results' own actions: change the answers (the form back above the results, its first control focused), or a
// match's "view as of" button (the finder again, as of that day, for every document).
function resultAction(form, target) {
  const action = target.getAttribute && target.getAttribute("data-action");
  const day = target.getAttribute && target.getAttribute("data-view-as-of");
  const asOf = form.querySelector('[name="as_of"]');
  if (action === "change-answers") {
    resultsFirst(false);
    form.scrollIntoView();
    form.querySelector("[name]").focus();
  }
  if (day && asOf) { asOf.value = day; submit(form); }
}

// Put the note why the finder cannot run here before the form, and hide the form.
function refuse(form, refused) {
  resultsFirst(false);
  form.parentNode.insertBefore(refusalNote(form, refused), form);
  form.hidden = true;
  form.setAttribute("data-state", "refused");
}

// Wire up the library's finder form once, and run it on a shared link's answers.
function setup() {
  const form = document.querySelector("form[data-library-finder]");
  if (!form || form.getAttribute("data-ready")) { return; }
  form.setAttribute("data-ready", "true");
  const refused = missingSupport();
  if (refused) { refuse(form, refused); return; }
  form.querySelector(".hb-progress").classList.add("hb-done");
  form.addEventListener("submit", (event) => { event.preventDefault(); submit(form); });
  form.addEventListener("change", (event) => { if (event.target.name === "profile_type") { showProfile(form); } });
  form.addEventListener("click", (event) => formAction(form, event.target));
  document.querySelector(".hb-library-results").addEventListener("click", (event) => resultAction(form, event.target));
  if (prefill(form)) { submit(form); }
}

// Wired up on the first parse and on every page the theme's instant navigation brings in (setup runs once per form).
if (typeof document$ !== "undefined") { document$.subscribe(setup); }
if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setup); } else { setup(); }
