// The calculators engine as a page reaches it: one shared module worker (calculator-worker.js), started once,
// asked through worker-protocol.js's messages; a request resolves with the worker's answer or {id, failed: true}.
import { READY, SAVED, leaveMessage, messageKind, requestMessage } from "./worker-protocol.js";

const START_LIMIT_MS = 120000;  // the engine must be ready within this time (a slow phone on a slow network)...
const ANSWER_LIMIT_MS = 30000;  // ...and, once ready, answer a request within this one
let worker = null;
let nextId = 1;
let pending = {};
let state = "idle";
let listeners = [];
let failed = [];
let refused = null;
let saving = false;  // the worker is keeping its first snapshot (from a plain start's "ready" to "saved")

// The worker's address, from the calculator form.
function workerUrl() {
  const form = document.querySelector("form[data-worker]");
  return new URL(form.getAttribute("data-worker"), location.href).href;
}

// The engine's state: "idle", "loading", "ready", "failed" or "refused".
export function engineState() {
  return state;
}

// Why this page cannot run the calculator (a key of the refused_* words), or null while it may.
export function refusedWhy() {
  return refused;
}

// Call progress(stage) on each of the worker's stages and failure() when it fails (one page's listeners at a time).
export function watch(progress, failure) {
  listeners = [progress];
  failed = [failure];
}

// The worker failed to start, crashed or did not answer: forget it, fail every request, tell the page.
export function fail() {
  if (worker) { worker.terminate(); }
  worker = null;
  state = "failed";
  const waiting = pending;
  pending = {};
  Object.keys(waiting).forEach((id) => { clearTimeout(waiting[id].timer); waiting[id].resolve({ id: Number(id), failed: true }); });
  failed.forEach((listener) => listener());
}

// Why this page cannot run the calculator here (a key of the refused_* words), or null when it can.
export function missingSupport() {
  if (location.protocol === "file:") { return "file"; }
  if (typeof Worker === "undefined") { return "worker"; }
  if (typeof WebAssembly === "undefined") { return "wasm"; }
  return null;
}

// A module worker, or null where the browser cannot make one (it never reads the type option, or throws).
export function moduleWorker(url) {
  let typeRead = false;
  let made = null;
  try {
    made = new Worker(url, { get type() { typeRead = true; return "module"; } });
  } catch (error) {
    return null;
  }
  if (!typeRead) { made.terminate(); return null; }
  return made;
}

// One message from the worker: a stage of its start, the saved snapshot, or the answer to a request.
function receive(event) {
  const message = event.data;
  const kind = messageKind(message);
  if (kind === SAVED) { saving = false; window.__handbookSnapshotSaved = message.saved; return; }
  if (kind === "progress") {
    state = message.progress === READY ? "ready" : "loading";
    if (state === "ready") {
      saving = message.snapshot === false;
      window.__handbookTimings = { ready: performance.now(), snapshot: message.snapshot, why: message.why, phases: message.phases };
      document.documentElement.setAttribute("data-calculator-engine", "ready");
    }
    listeners.forEach((listener) => listener(message.progress));
    return;
  }
  const waiting = pending[message.id];
  delete pending[message.id];
  if (waiting) { clearTimeout(waiting.timer); waiting.resolve(message); }
}

// The worker, started once; null where this browser or page cannot run one (refused: never a failure,
// so no retry is offered for what a retry cannot mend).
export function ensureWorker() {
  if (worker || refused) { return worker; }
  refused = missingSupport();
  worker = refused ? null : moduleWorker(workerUrl());
  if (!worker) { refused = refused || "module"; state = "refused"; return null; }
  state = "loading";
  worker.onerror = fail;
  worker.onmessageerror = fail;
  worker.onmessage = receive;
  return worker;
}

// Run a calculator (its id) on inputs; resolves with the worker's message, or {id, failed: true}.
export function request(calculator, inputs) {
  return new Promise((resolve) => {
    const id = nextId++;
    const engine = ensureWorker();
    if (!engine) { resolve({ id, failed: true }); return; }
    pending[id] = { resolve, timer: setTimeout(fail, state === "ready" ? ANSWER_LIMIT_MS : START_LIMIT_MS) };
    engine.postMessage(requestMessage(id, calculator, inputs));
  });
}

// Let the worker go when the reader leaves the page (a later visit restores it from the snapshot): at
// once, or, while it keeps its first snapshot, once that is stored (it closes itself, unheard from);
// its requests are dropped with their timers, so no failure is reported on the next page.
export function release() {
  if (worker && saving) {
    worker.onmessage = worker.onerror = worker.onmessageerror = null;
    worker.postMessage(leaveMessage());
  } else if (worker) {
    worker.terminate();
  }
  worker = null;
  saving = false;
  if (state !== "refused") { state = "idle"; }
  Object.keys(pending).forEach((id) => clearTimeout(pending[id].timer));
  pending = {};
}
