// Calculator pages: fill the form from the URL, send inputs to one shared worker, show the result.
(function () {
  "use strict";
  var worker = null, nextId = 1, pending = {}, state = "idle", listeners = [], refused = null;
  var REFUSALS = {
    zh: { file: "本页是从文件打开的，请通过网站地址打开", worker: "此浏览器不支持 Web Worker", module: "此浏览器不支持模块 Web Worker",
          wasm: "此浏览器不支持 WebAssembly", lead: "计算器无法在此运行：", rest: "。计算规则和算例就在本页：",
          rules: "计算规则", example: "算例" },
    en: { file: "the page was opened from a file; open it from the website", worker: "this browser has no Web Workers",
          module: "this browser has no module Web Workers", wasm: "this browser has no WebAssembly",
          lead: "The calculator cannot run here: ", rest: ". The rules and worked examples are on this page: ",
          rules: "rules", example: "worked examples" }
  };
  var MAX_ROWS = 500;  // a URL may fill at most this many rows of a list, so a huge index cannot hang the page

  function workerUrl() {
    var form = document.querySelector("form[data-worker]");
    return new URL(form.getAttribute("data-worker"), location.href).href;
  }

  // Why this page cannot run the calculator here (a key of REFUSALS), or null when it can.
  function missingSupport() {
    if (location.protocol === "file:") { return "file"; }
    if (typeof Worker === "undefined") { return "worker"; }
    if (typeof WebAssembly === "undefined") { return "wasm"; }
    return null;
  }

  // A module worker, or null where the browser cannot make one (it never reads the type option).
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

  function ensureWorker() {
    if (worker || refused) { return worker; }
    refused = missingSupport();
    worker = refused ? null : moduleWorker(workerUrl());
    if (!worker) { refused = refused || "module"; state = "refused"; return null; }
    state = "loading";
    worker.onmessage = function (event) {
      var message = event.data;
      if (message.saved) { window.__handbookSnapshotSaved = message.saved; return; }
      if (message.progress) {
        state = message.progress === "ready" ? "ready" : "loading";
        if (state === "ready") {
          window.__handbookTimings = { ready: performance.now(), snapshot: message.snapshot, why: message.why, phases: message.phases };
          document.documentElement.setAttribute("data-calculator-engine", "ready");
        }
        listeners.forEach(function (listener) { listener(message.progress); });
        return;
      }
      var callback = pending[message.id];
      delete pending[message.id];
      if (callback) { callback(message); }
    };
    return worker;
  }

  function request(calculator, inputs) {
    return new Promise(function (resolve) {
      var id = nextId++;
      pending[id] = resolve;
      ensureWorker().postMessage({ id: id, calculator: calculator, inputs: inputs });
    });
  }

  function lang() { return document.documentElement.lang === "en" ? "en" : "zh"; }
  function text(value) { return value && typeof value === "object" && value.zh !== undefined ? value[lang()] : String(value); }

  function setPath(target, path, value) {
    var match = /^([^\[]+)\[(\d+)\]\.(.+)$/.exec(path);
    if (!match) { target[path] = value; return; }
    var list = target[match[1]] = target[match[1]] || [];
    list[Number(match[2])] = list[Number(match[2])] || {};
    list[Number(match[2])][match[3]] = value;
  }

  function collect(form) {
    var inputs = {};
    Array.prototype.forEach.call(form.querySelectorAll("[name]"), function (control) {
      if (control.value !== "") { setPath(inputs, control.name, control.value); }
    });
    Object.keys(inputs).forEach(function (key) {
      if (Array.isArray(inputs[key])) { inputs[key] = inputs[key].filter(Boolean); }
    });
    return inputs;
  }

  function query(form) {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(form.querySelectorAll("[name]"), function (control) {
      if (control.value !== "") { params.append(control.name, control.value); }
    });
    return params.toString();
  }

  function rowCount(fieldset) { return fieldset.querySelectorAll("[data-row]").length; }

  function addRow(fieldset) {
    var rows = fieldset.querySelectorAll("[data-row]"), template = rows[rows.length - 1];
    var index = rowCount(fieldset), copy = template.cloneNode(true), list = fieldset.getAttribute("data-list");
    copy.setAttribute("data-row", String(index));
    Array.prototype.forEach.call(copy.querySelectorAll("[name], [id], [for], [aria-describedby], [data-error-for]"), function (node) {
      ["name", "id", "for", "aria-describedby", "data-error-for"].forEach(function (attribute) {
        var value = node.getAttribute(attribute);
        if (value) { node.setAttribute(attribute, value.split(list + "[" + (index - 1) + "]").join(list + "[" + index + "]").split("-" + list + "-" + (index - 1) + "-").join("-" + list + "-" + index + "-")); }
      });
      if (node.name) { node.value = ""; }
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

  function clearErrors(form) {
    Array.prototype.forEach.call(form.querySelectorAll("[data-error-for]"), function (slot) { slot.textContent = ""; });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (control) { control.removeAttribute("aria-invalid"); });
  }

  function showErrors(form, errors) {
    errors.forEach(function (error) {
      var field = error.field || "", slot = null;
      Array.prototype.forEach.call(form.querySelectorAll("[data-error-for]"), function (candidate) {
        var name = candidate.getAttribute("data-error-for").replace(/\[\d+\]/g, "");
        if (!slot && name === field) { slot = candidate; }
      });
      slot = slot || form.querySelector(".hb-field-error");
      slot.textContent = (slot.textContent ? slot.textContent + " " : "") + text(error.message);
      var control = form.querySelector('[name="' + CSS.escape(field) + '"]');
      if (control) { control.setAttribute("aria-invalid", "true"); }
    });
    var first = form.querySelector('[aria-invalid="true"]');
    if (first) { first.focus(); }
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
    anchor.textContent = entry.getAttribute("data-title") + (clause ? " " + clause : "");
    return anchor;
  }

  function renderMatch(li, match) {
    var strong = document.createElement("strong");
    strong.textContent = "[" + match.status + "] ";
    li.appendChild(strong);
    li.appendChild(measureLink(match.measure));
    li.appendChild(document.createTextNode(" — " + text(match.reason) + " "));
    if (match.calculator) {
      var calc = document.querySelector('.hb-measure-units [data-calculator="' + match.calculator + '"]');
      var anchor = document.createElement("a");
      anchor.href = calc.getAttribute("data-href") + "?" + new URLSearchParams(flatten(match.inputs || {})).toString();
      anchor.textContent = "→ " + calc.textContent;
      li.appendChild(anchor);
    }
    var units = document.querySelector('.hb-measure-units [data-measure="' + match.measure + '"]');
    var span = document.createElement("span");
    span.className = "hb-snippet";
    Array.prototype.forEach.call(units.childNodes, function (node) { span.appendChild(node.cloneNode(true)); });
    li.appendChild(span);
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

  function show(form, result) {
    var section = form.parentNode.querySelector(".hb-result");
    section.hidden = false;
    Array.prototype.forEach.call(section.querySelectorAll("output"), function (output) {
      var value = result[output.getAttribute("name")];
      output.setAttribute("data-value", JSON.stringify(value === undefined ? null : value));
      output.value = value === undefined || value === null ? "—" :
        (typeof value === "boolean" ? (value ? (lang() === "en" ? "Yes" : "是") : (lang() === "en" ? "No" : "否")) :
          (typeof value === "object" ? (Array.isArray(value) && value.length && typeof value[0] === "object" ? String(value.length) : JSON.stringify(value)) : String(value)));
    });
    listItems(section.querySelector('[data-result="reasons"]'), result.reasons, function (li, reason) { li.textContent = text(reason); });
    listItems(section.querySelector('[data-result="warnings"]'), result.warnings, function (li, warning) { li.textContent = text(warning); });
    listItems(section.querySelector('[data-result="readings"]'), result.readings, function (li, reading) { li.textContent = reading.id + ": " + text(reading); });
    var trace = section.querySelector('[data-result="trace"]');
    if (result.matches) {
      listItems(trace, result.matches, renderMatch);
    } else {
      listItems(trace, result.trace, function (li, step) {
        li.appendChild(document.createTextNode(text(step.explanation) + " "));
        li.appendChild(measureLink(step.measure, step.clause));
      });
    }
    trace.parentNode.hidden = false;
  }

  function submit(form) {
    var calculator = form.getAttribute("data-calculator"), started = performance.now();
    clearErrors(form);
    history.replaceState(null, "", "?" + query(form) + location.hash);
    return request(calculator, collect(form)).then(function (message) {
      if (message.error) { showErrors(form, [{ field: "", message: message.error }]); return; }
      if (message.result.status === "invalid") {
        form.parentNode.querySelector(".hb-result").hidden = true;
        showErrors(form, message.result.errors);
      } else {
        show(form, message.result);
      }
      form.setAttribute("data-state", "done");
      window.__handbookLastResultMs = performance.now() - started;
    });
  }

  // Say in the page's language why the calculator cannot run, and point to the rules and examples.
  function refuse(form) {
    var words = REFUSALS[lang()], note = document.createElement("p");
    note.className = "hb-refusal";
    note.setAttribute("role", "alert");
    note.setAttribute("data-refused", refused);
    note.appendChild(document.createTextNode(words.lead + words[refused] + words.rest));
    [["#rules", words.rules], ["#example", words.example]].forEach(function (link, index) {
      var anchor = document.createElement("a");
      anchor.href = link[0];
      anchor.textContent = link[1];
      if (index) { note.appendChild(document.createTextNode(lang() === "en" ? ", " : "、")); }
      note.appendChild(anchor);
    });
    note.appendChild(document.createTextNode(lang() === "en" ? "." : "。"));
    form.parentNode.insertBefore(note, form);
    form.setAttribute("data-state", "refused");
  }

  // Let the worker go when the reader leaves the page (a later visit restores it from the snapshot).
  function release() {
    if (worker) { worker.terminate(); }
    worker = null;
    state = "idle";
    Object.keys(pending).forEach(function (id) { delete pending[id]; });
  }

  function setup() {
    var form = document.querySelector("form[data-calculator]");
    if (!form) { release(); return; }
    if (form.getAttribute("data-ready")) { return; }
    form.setAttribute("data-ready", "true");
    if (!ensureWorker()) { refuse(form); return; }
    form.hidden = false;
    var progress = form.querySelector(".hb-progress");
    progress.hidden = state === "ready";
    listeners = [function (stage) { progress.hidden = stage === "ready"; }];
    form.addEventListener("submit", function (event) { event.preventDefault(); submit(form); });
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
    });
    if (fill(form, location.search)) { submit(form); }
  }

  // Start the engine at once on a calculator page (this script runs after the page is parsed),
  // without waiting for the theme's scripts; the form is wired up when the page is ready.
  if (document.querySelector("form[data-worker]")) { ensureWorker(); }
  // Wired up on the first parse too, not only through the theme's document$ (which never emits on a
  // page opened from file://); setup runs once per form.
  if (typeof document$ !== "undefined") { document$.subscribe(setup); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setup); } else { setup(); }
  window.addEventListener("pagehide", release);
})();
