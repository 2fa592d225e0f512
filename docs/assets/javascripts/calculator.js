// Calculator pages: fill the form from the URL, send inputs to one shared worker, show the result.
// Every word shown comes from the page (labels built from the label table) or from the package's result
// (its display texts); this script types none of its own.
(function () {
  "use strict";
  var worker = null, nextId = 1, pending = {}, state = "idle", listeners = [], failed = [], refused = null;
  var saving = false;  // the worker is keeping its first snapshot (from a plain start's "ready" to "saved")
  var MAX_ROWS = 500;  // a URL may fill at most this many rows of a list, so a huge index cannot hang the page
  var START_LIMIT_MS = 120000;  // the engine must be ready within this time (a slow phone on a slow network)...
  var ANSWER_LIMIT_MS = 30000;  // ...and, once ready, answer a request within this one

  function workerUrl() {
    var form = document.querySelector("form[data-worker]");
    return new URL(form.getAttribute("data-worker"), location.href).href;
  }

  // The worker failed to start, crashed or did not answer: forget it, fail every request, tell the page.
  function fail() {
    if (worker) { worker.terminate(); }
    worker = null;
    state = "failed";
    var waiting = pending;
    pending = {};
    Object.keys(waiting).forEach(function (id) { clearTimeout(waiting[id].timer); waiting[id].resolve({ id: Number(id), failed: true }); });
    failed.forEach(function (listener) { listener(); });
  }

  // Why this page cannot run the calculator here (a key of the refused_* words), or null when it can.
  function missingSupport() {
    if (location.protocol === "file:") { return "file"; }
    if (typeof Worker === "undefined") { return "worker"; }
    if (typeof WebAssembly === "undefined") { return "wasm"; }
    return null;
  }

  // A module worker, or null where the browser cannot make one (it never reads the type option, or throws).
  function moduleWorker(url) {
    var typeRead = false, made = null;
    try {
      made = new Worker(url, { get type() { typeRead = true; return "module"; } });
    } catch (error) {
      return null;
    }
    if (!typeRead) { made.terminate(); return null; }
    return made;
  }

  // The worker, started once; null where this browser or page cannot run one (refused: never a failure,
  // so no retry is offered for what a retry cannot mend).
  function ensureWorker() {
    if (worker || refused) { return worker; }
    refused = missingSupport();
    worker = refused ? null : moduleWorker(workerUrl());
    if (!worker) { refused = refused || "module"; state = "refused"; return null; }
    state = "loading";
    worker.onerror = fail;
    worker.onmessageerror = fail;
    worker.onmessage = function (event) {
      var message = event.data;
      if (message.saved) { saving = false; window.__handbookSnapshotSaved = message.saved; return; }
      if (message.progress) {
        state = message.progress === "ready" ? "ready" : "loading";
        if (state === "ready") {
          saving = message.snapshot === false;
          window.__handbookTimings = { ready: performance.now(), snapshot: message.snapshot, why: message.why, phases: message.phases };
          document.documentElement.setAttribute("data-calculator-engine", "ready");
        }
        listeners.forEach(function (listener) { listener(message.progress); });
        return;
      }
      var waiting = pending[message.id];
      delete pending[message.id];
      if (waiting) { clearTimeout(waiting.timer); waiting.resolve(message); }
    };
    return worker;
  }

  function request(calculator, inputs) {
    return new Promise(function (resolve) {
      var id = nextId++, engine = ensureWorker();
      if (!engine) { resolve({ id: id, failed: true }); return; }
      pending[id] = { resolve: resolve, timer: setTimeout(fail, state === "ready" ? ANSWER_LIMIT_MS : START_LIMIT_MS) };
      engine.postMessage({ id: id, calculator: calculator, inputs: inputs });
    });
  }

  function lang() { return document.documentElement.lang === "en" ? "en" : "zh"; }
  function text(value) { return value && typeof value === "object" && value.zh !== undefined ? value[lang()] : String(value); }
  function word(key) { return document.querySelector('.hb-words [data-word="' + key + '"]').textContent; }
  function each(root, selector, callback) { Array.prototype.forEach.call(root.querySelectorAll(selector), callback); }

  function setPath(target, path, value) {
    var match = /^([^\[]+)\[(\d+)\]\.(.+)$/.exec(path);
    if (!match) { target[path] = value; return; }
    var list = target[match[1]] = target[match[1]] || [];
    list[Number(match[2])] = list[Number(match[2])] || {};
    list[Number(match[2])][match[3]] = value;
  }

  // The controls that count: filled in, and not in a group of questions for another profile.
  function answered(form) {
    var profile = form.querySelector('[name="profile_type"]');
    return Array.prototype.filter.call(form.querySelectorAll("[name]"), function (control) {
      var group = control.closest("[data-profile]");
      return control.value !== "" && !(group && profile && group.getAttribute("data-profile") !== profile.value);
    });
  }

  function collect(form) {
    var inputs = {};
    answered(form).forEach(function (control) { setPath(inputs, control.name, control.value); });
    Object.keys(inputs).forEach(function (key) {
      if (Array.isArray(inputs[key])) { inputs[key] = inputs[key].filter(Boolean); }
    });
    return inputs;
  }

  function query(form) {
    var params = new URLSearchParams();
    answered(form).forEach(function (control) { params.append(control.name, control.value); });
    return params.toString();
  }

  function rowCount(fieldset) { return fieldset.querySelectorAll("[data-row]").length; }

  function addRow(fieldset) {
    var rows = fieldset.querySelectorAll("[data-row]"), template = rows[rows.length - 1];
    var index = rowCount(fieldset), copy = template.cloneNode(true), list = fieldset.getAttribute("data-list");
    copy.setAttribute("data-row", String(index));
    each(copy, "[name], [id], [for], [aria-describedby], [data-error-for]", function (node) {
      ["name", "id", "for", "aria-describedby", "data-error-for"].forEach(function (attribute) {
        var value = node.getAttribute(attribute);
        if (value) { node.setAttribute(attribute, value.split(list + "[" + (index - 1) + "]").join(list + "[" + index + "]").split("-" + list + "-" + (index - 1) + "-").join("-" + list + "-" + index + "-")); }
      });
      if (node.name) { node.value = ""; }
      if (node.hasAttribute("data-error-for")) { node.textContent = ""; }
      node.removeAttribute("aria-invalid");
    });
    template.parentNode.insertBefore(copy, template.nextSibling);
    return copy;
  }

  function fill(form, search) {
    var params = new URLSearchParams(search), filled = false;
    params.forEach(function (value, name) {
      var match = /^([^\[]+)\[(\d+)\]\./.exec(name);
      if (match && Number(match[2]) >= MAX_ROWS) { return; }
      if (match) {
        var fieldset = form.querySelector('[data-list="' + CSS.escape(match[1]) + '"]');
        while (fieldset && rowCount(fieldset) <= Number(match[2])) { addRow(fieldset); }
      }
      var control = form.querySelector('[name="' + CSS.escape(name) + '"]');
      if (control) { control.value = value; filled = true; }
    });
    return filled;
  }

  // The finder asks only the questions of the chosen profile (the stylesheet shows the groups of data-hb-profile).
  function showProfile(form) {
    var profile = form.querySelector('[name="profile_type"]');
    if (profile) { document.documentElement.setAttribute("data-hb-profile", profile.value); }
  }

  function clearErrors(form) {
    each(form, "[data-error-for]", function (slot) { slot.textContent = ""; });
    each(form, "[aria-invalid]", function (control) { control.removeAttribute("aria-invalid"); });
  }

  // Each error next to its control (a list row's error on that row), the control marked invalid.
  function showErrors(form, errors) {
    errors.forEach(function (error) {
      var name = error.control || error.field || "";
      var slot = null;
      each(form, "[data-error-for]", function (candidate) {
        if (!slot && candidate.getAttribute("data-error-for") === name) { slot = candidate; }
      });
      slot = slot || form.querySelector(".hb-form-error");
      slot.textContent = (slot.textContent ? slot.textContent + " " : "") + text(error.message);
      var control = name && form.querySelector('[name="' + CSS.escape(name) + '"]');
      if (control) { control.setAttribute("aria-invalid", "true"); }
    });
    var first = form.querySelector('[aria-invalid="true"]');
    if (first) { first.focus(); }
  }

  // What the package read is shown back in the form (e.g. full-width digits as plain ones).
  function showNormalised(form, normalised) {
    Object.keys(normalised || {}).forEach(function (name) {
      var control = form.querySelector('[name="' + CSS.escape(name) + '"]');
      if (control) { control.value = normalised[name]; }
    });
  }

  function listItems(list, items, render) {
    list.textContent = "";
    (items || []).forEach(function (item) { var li = document.createElement("li"); render(li, item); list.appendChild(li); });
    list.parentNode.hidden = !(items && items.length);
  }

  function measureLink(number, clause) {
    var entry = document.querySelector('.hb-measure-units [data-measure="' + number + '"]');
    var anchor = document.createElement("a");
    anchor.href = entry.getAttribute("data-href") + (clause ? "#" + clause : "");
    anchor.textContent = entry.getAttribute("data-title");
    return anchor;
  }

  function paragraph(parent, className) {
    var node = document.createElement("span");
    node.className = className;
    parent.appendChild(node);
    return node;
  }

  function calculatorLink(match) {
    var calc = document.querySelector('.hb-measure-units [data-calculator="' + match.calculator + '"]');
    var anchor = document.createElement("a");
    anchor.href = calc.getAttribute("data-href") + "?" + new URLSearchParams(flatten(match.inputs || {})).toString();
    anchor.textContent = word("open_calculator") + " → " + calc.textContent;
    return anchor;
  }

  // An estimated amount in words: the figure, and whether it is left out of the total and why.
  function amountWords(estimate, calculatorMatch) {
    var words = word("estimate").replace("{label}", text(estimate.amount.label)).replace("{amount}", text(estimate.amount.text));
    return estimate.in_total ? words : words + word(calculatorMatch ? "not_in_total" : "not_added");
  }

  // A button that shows the finder's result as of another day (one inside a closed or future measure's period).
  function viewButton(day) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button hb-view-then";
    button.setAttribute("data-action", "view-as-of");
    button.setAttribute("data-view-as-of", day);
    button.textContent = word("view_as_of").replace("{date}", day);
    return button;
  }

  // One finder match: the measure, why, its period, the estimate or what is missing, the calculator, the units to ask.
  function renderMatch(li, match, matches) {
    var title = document.createElement("strong");
    title.appendChild(measureLink(match.measure));
    li.appendChild(title);
    paragraph(li, "hb-why").textContent = text(match.reason);
    if (match.timing) { paragraph(li, "hb-timing").textContent = text(match.timing); }
    var estimate = match.estimate;
    if (estimate && estimate.amount && estimate.eligible !== false) {
      var shared = matches.some(function (other) { return other !== match && other.calculator === match.calculator && other.estimate && other.estimate.in_total; });
      paragraph(li, "hb-amount").textContent = amountWords(estimate, shared);
      if (estimate.condition) { paragraph(li, "hb-condition").textContent = text(estimate.condition); }
    } else if (estimate && estimate.amount) {
      paragraph(li, "hb-missing").textContent = word("not_eligible_now") + " " + estimate.reasons.map(text).join(word("reason_join"));
    } else if (estimate && estimate.missing && estimate.missing.length) {
      paragraph(li, "hb-missing").textContent = word("still_needed") + " " + estimate.missing.map(text).join(word("list_join"));
    }
    if (match.view_as_of) { li.appendChild(viewButton(match.view_as_of)); }
    if (match.calculator) { paragraph(li, "hb-calc-link").appendChild(calculatorLink(match)); }
    var units = document.querySelector('.hb-measure-units [data-measure="' + match.measure + '"]');
    var span = paragraph(li, "hb-snippet");
    span.appendChild(document.createTextNode(word("units_to_contact") + " "));
    Array.prototype.forEach.call(units.childNodes, function (node) { span.appendChild(node.cloneNode(true)); });
  }

  function flatten(inputs) {
    var flat = {};
    Object.keys(inputs).forEach(function (key) {
      var value = inputs[key];
      if (Array.isArray(value)) {
        value.forEach(function (row, index) { Object.keys(row).forEach(function (field) { flat[key + "[" + index + "]." + field] = String(row[field]); }); });
      } else if (value !== null && value !== undefined) { flat[key] = String(value); }
    });
    return flat;
  }

  function showMatches(section, matches) {
    each(section, "[data-status]", function (group) {
      var status = group.getAttribute("data-status");
      listItems(group.querySelector("ul"), matches.filter(function (match) { return match.status === status; }),
                function (li, match) { renderMatch(li, match, matches); });
    });
    var none = section.querySelector(".hb-placeholder");
    none.hidden = matches.length > 0;
    none.textContent = word("no_matches");
  }

  function show(form, result) {
    var section = form.parentNode.querySelector(".hb-result"), figures = {};
    section.setAttribute("data-state", "shown");
    (result.display || []).forEach(function (figure) { figures[figure.name] = figure; });
    var list = section.querySelector(".hb-figures");
    list.hidden = !(result.display && result.display.length);
    section.querySelector(".hb-placeholder").hidden = true;
    each(section, "output", function (output) {
      var name = output.getAttribute("name"), value = result[name];
      output.setAttribute("data-value", JSON.stringify(value === undefined ? null : value));
      output.value = figures[name] ? text(figures[name].text) : "";
      output.parentNode.parentNode.hidden = !figures[name];
    });
    listItems(section.querySelector('[data-result="reasons"]'), result.reasons, function (li, reason) { li.textContent = text(reason); });
    listItems(section.querySelector('[data-result="warnings"]'), result.warnings, function (li, warning) { li.textContent = text(warning); });
    listItems(section.querySelector('[data-result="readings"]'), result.readings, function (li, reading) {
      li.appendChild(document.createTextNode(text(reading) + " "));
      paragraph(li, "hb-reading-id").textContent = reading.id;
    });
    if (result.matches) { showMatches(section, result.matches); }
    var viewDate = section.querySelector("[data-view-date]");
    if (viewDate) { viewDate.value = result.as_of; }
    listItems(section.querySelector('[data-result="trace"]'), result.matches ? [] : result.trace, function (li, step) {
      li.appendChild(document.createTextNode(text(step.explanation) + " "));
      li.appendChild(measureLink(step.measure, step.clause));
    });
  }

  function clearResult(form) {
    var section = form.parentNode.querySelector(".hb-result");
    section.setAttribute("data-state", "empty");
    section.querySelector(".hb-placeholder").hidden = false;
  }

  // The result first (after a shared link, when there will be one to show) or the form first, as the stylesheet
  // orders them by data-hb-shared.
  function resultFirst(first) { document.documentElement.toggleAttribute("data-hb-shared", first); }

  function showFailure(form, shown) {
    if (shown) { resultFirst(false); }
    form.querySelector(".hb-engine-error").hidden = !shown;
    if (shown) { form.querySelector(".hb-progress").classList.add("hb-done"); }
  }

  function submit(form) {
    var calculator = form.getAttribute("data-calculator"), started = performance.now();
    clearErrors(form);
    showFailure(form, false);
    history.replaceState(null, "", "?" + query(form) + location.hash);
    return request(calculator, collect(form)).then(function (message) {
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
        history.replaceState(null, "", "?" + query(form) + location.hash);
        show(form, message.result);
      }
      form.setAttribute("data-state", "done");
      window.__handbookLastResultMs = performance.now() - started;
    });
  }

  // The page's own sections after the form that serve without JavaScript (a calculator's rules and worked
  // example, the finder's guide and list of measures): every h2 with an id below the form, outside the result.
  function readableSections(form) {
    return Array.prototype.filter.call(document.querySelectorAll("article h2[id]"), function (heading) {
      return !heading.closest(".hb-result") && (form.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
  }

  // Say in the page's language why the calculator cannot run, and link to what the page offers without it.
  function refuse(form) {
    var note = document.createElement("p");
    note.className = "hb-refusal";
    note.setAttribute("role", "alert");
    note.setAttribute("data-refused", refused);
    note.appendChild(document.createTextNode(word("refused_lead") + word("refused_" + refused) + word("refused_rest")));
    readableSections(form).forEach(function (heading, index) {
      var anchor = document.createElement("a");
      anchor.href = "#" + heading.id;
      anchor.textContent = heading.textContent;
      if (index) { note.appendChild(document.createTextNode(word("list_join"))); }
      note.appendChild(anchor);
    });
    note.appendChild(document.createTextNode(word("sentence_end")));
    form.parentNode.insertBefore(note, form);
    resultFirst(false);
    form.querySelector(".hb-progress").classList.add("hb-done");
    form.hidden = true;
    form.setAttribute("data-state", "refused");
  }

  // Let the worker go when the reader leaves the page (a later visit restores it from the snapshot): at
  // once, or, while it keeps its first snapshot, once that is stored (it closes itself, unheard from);
  // its requests are dropped with their timers, so no failure is reported on the next page.
  function release() {
    if (worker && saving) {
      worker.onmessage = worker.onerror = worker.onmessageerror = null;
      worker.postMessage({ leave: true });
    } else if (worker) {
      worker.terminate();
    }
    worker = null;
    saving = false;
    if (state !== "refused") { state = "idle"; }
    Object.keys(pending).forEach(function (id) { clearTimeout(pending[id].timer); });
    pending = {};
  }

  function setup() {
    var form = document.querySelector("form[data-calculator]");
    if (!form) { release(); return; }
    if (form.getAttribute("data-ready")) { return; }
    form.setAttribute("data-ready", "true");
    if (!ensureWorker() && refused) { refuse(form); return; }
    var progress = form.querySelector(".hb-progress");
    progress.classList.toggle("hb-done", state === "ready");
    listeners = [function (stage) { progress.classList.toggle("hb-done", stage === "ready"); }];
    failed = [function () { showFailure(form, true); }];
    if (state === "failed") { showFailure(form, true); }
    form.addEventListener("submit", function (event) { event.preventDefault(); submit(form); });
    form.addEventListener("change", function (event) { if (event.target.name === "profile_type") { showProfile(form); } });
    form.addEventListener("click", function (event) {
      var action = event.target.getAttribute && event.target.getAttribute("data-action");
      if (action === "add-row") { addRow(event.target.closest("fieldset")); }
      if (action === "remove-row") {
        var fieldset = event.target.closest("fieldset");
        if (rowCount(fieldset) > 1) { event.target.closest("[data-row]").remove(); }
      }
      if (action === "copy-link") {
        history.replaceState(null, "", "?" + query(form) + location.hash);
        if (navigator.clipboard) { navigator.clipboard.writeText(location.href); }
      }
      if (action === "print") { window.print(); }
      if (action === "retry") { progress.classList.remove("hb-done"); submit(form); }
    });
    form.parentNode.querySelector(".hb-result").addEventListener("click", function (event) { resultAction(form, event.target); });
    if (prefill(form)) { submit(form); }
  }

  // Fill the form from a shared link and show the profile's questions once, as early as possible,
  // so the page does not move after it is first drawn, the result first when something was; tell whether it was.
  function prefill(form) {
    if (form.hasAttribute("data-filled")) { return form.getAttribute("data-filled") === "true"; }
    var filled = fill(form, location.search);
    showProfile(form);
    form.setAttribute("data-filled", String(filled));
    resultFirst(filled && !refused);
    return filled;
  }

  // The result's own actions: change the answers (the form back above the result, its first control focused), or look at
  // the finder's result as of another day (from the date box, or a closed or future measure's own day).
  function resultAction(form, target) {
    var action = target.getAttribute && target.getAttribute("data-action");
    if (action === "change-answers") {
      resultFirst(false);
      form.scrollIntoView();
      form.querySelector("[name]").focus();
    }
    if (action === "view-as-of") {
      var day = target.getAttribute("data-view-as-of") || form.parentNode.querySelector("[data-view-date]").value;
      var asOf = form.querySelector('[name="as_of"]');
      if (day && asOf) { asOf.value = day; submit(form); }
    }
  }

  // Start the engine at once on a calculator page (this script runs after the page is parsed),
  // without waiting for the theme's scripts; the form is filled now and wired up when the page is ready.
  var early = document.querySelector("form[data-calculator]");
  if (early) { ensureWorker(); prefill(early); }
  // Wired up on the first parse too, not only through the theme's document$ (which never emits on a
  // page opened from file://); setup runs once per form.
  if (typeof document$ !== "undefined") { document$.subscribe(setup); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setup); } else { setup(); }
  window.addEventListener("pagehide", release);
})();
