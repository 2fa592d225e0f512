// Web Worker running the calculators package in self-hosted Pyodide.
// Its messages are worker-protocol.js's: in {id, calculator, inputs}, out {id, result} | {id, error} | {progress};
// "ready" and the first result also carry `phases`, where start-up time went.
// It calls named functions of the package only; it never runs Python source sent by a page.
// Warm start: after the first plain start it keeps a memory snapshot (Pyodide with the package
// imported) in IndexedDB, gzip-compressed where CompressionStream exists, keyed by the Pyodide
// version and the wheel's hash. IndexedDB is there in insecure contexts (plain-HTTP intranets)
// and in WebKit, where Cache Storage is not. Anything unexpected falls back to the plain start,
// and the ready message says why: {snapshot: false, why: "none stored" | "no storage" |
// "version changed" | "restore failed" | "read failed"}; after a plain start it saves without
// holding up the first result and posts {progress: "saved",
// saved: {stored: bytes, gzip} | {stored: 0, why: "quota" | "no storage" | "save failed"}}.
// The runtime, the wheel and the trimmed standard library (only what the calculators need, made by
// the build) sit in folders named by version and hash (so servers may cache them for a year);
// manifest.json, always revalidated, names them.
import { READY, RUNTIME, SAVED, errorMessage, progressMessage, readRequest, resultMessage } from "./worker-protocol.js";

const base = new URL("../calculators/", import.meta.url);
let loadPyodide = null;
let indexURL = null;
let stdLibURL = null;
const SNAPSHOTS = "handbook-pyodide-snapshots";
const STORE = "snapshots";
const CURRENT = "current";
// Where start-up time went, on the worker's clock (ms): sent with "ready" and with the first result.
const phases = {};
let phasesSent = false;

async function fetchBytes(name) {
  const response = await fetch(new URL(name, base));
  if (!response.ok) { throw new Error(`${name}: HTTP ${response.status}`); }
  return new Uint8Array(await response.arrayBuffer());
}

function installWheel(pyodide, wheel) {
  const sitePackages = pyodide.pyimport("site").getsitepackages().toJs()[0];
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
}

// The snapshot database, or null where IndexedDB is missing or refused (some private modes).
function openStore() {
  return new Promise((resolve) => {
    if (typeof indexedDB === "undefined") { resolve(null); return; }
    try {
      const request = indexedDB.open(SNAPSHOTS, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch (error) {
      resolve(null);
    }
  });
}

// Run one request on the snapshot store; resolve with its result when the transaction completes.
function transact(db, mode, operate) {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = operate(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error || request.error);
    transaction.onabort = () => reject(transaction.error || request.error || new Error("aborted"));
  });
}

// Bytes through a gzip (de)compression stream.
async function pipeBytes(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

// The stored snapshot for this key: {bytes} or {bytes: null, why}.
async function readSnapshot(db, key) {
  if (!db) { return { bytes: null, why: "no storage" }; }
  try {
    const record = await transact(db, "readonly", (store) => store.get(CURRENT));
    if (!record) { return { bytes: null, why: "none stored" }; }
    if (record.key !== key) { return { bytes: null, why: "version changed" }; }
    return { record };
  } catch (error) {
    return { bytes: null, why: "read failed" };
  }
}

// The snapshot's bytes from its record, unpacked; throws on a damaged gzip stream or a wrong length.
async function unpack(record) {
  const bytes = record.gzip ? await pipeBytes(record.bytes, new DecompressionStream("gzip")) : new Uint8Array(record.bytes);
  if (bytes.byteLength !== record.length) { throw new Error("snapshot length differs"); }
  return bytes;
}

// Keep the snapshot (replacing any other); report the bytes stored or why nothing was.
async function saveSnapshot(db, key, snapshot) {
  if (!db) { return { stored: 0, why: "no storage" }; }
  try {
    const gzip = typeof CompressionStream !== "undefined";
    const bytes = gzip ? await pipeBytes(snapshot, new CompressionStream("gzip")) : snapshot;
    const record = { key, gzip, length: snapshot.byteLength, bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
    await transact(db, "readwrite", (store) => store.put(record, CURRENT));
    return { stored: bytes.byteLength, gzip };
  } catch (error) {
    const quota = error && (error.name === "QuotaExceededError" || /quota/i.test(String(error.message)));
    return { stored: 0, why: quota ? "quota" : "save failed", detail: String(error && error.name || error) };
  }
}

// Pyodide restored from the stored record, or null (with the reason set) when that fails.
async function restore(stored, wheel, lock) {
  if (!stored.record) { return null; }
  try {
    const snapshot = await unpack(stored.record);
    const pyodide = await loadPyodide({ indexURL, stdLibURL, lockFileContents: lock, _loadSnapshot: snapshot });
    installWheel(pyodide, wheel);
    return pyodide;
  } catch (error) {
    stored.why = "restore failed";
    return null;
  }
}

async function startPlain(db, key, wheel, lock) {
  const pyodide = await loadPyodide({ indexURL, stdLibURL, lockFileContents: lock, _makeSnapshot: true });
  phases.python_started = performance.now();
  installWheel(pyodide, wheel);
  pyodide.pyimport("json").destroy();
  pyodide.pyimport("calculators").destroy();
  phases.package_imported = performance.now();
  const snapshot = pyodide.makeMemorySnapshot();
  phases.snapshot_made = performance.now();
  return { pyodide, save: () => saveSnapshot(db, key, snapshot) };
}

// Time WebAssembly instantiation (streaming compile + instantiate) inside loadPyodide.
function timeInstantiation(phases) {
  const instantiateStreaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (...args) => {
    phases.compile_started = performance.now();
    try { return await instantiateStreaming.apply(WebAssembly, args); } finally { phases.compiled = performance.now(); }
  };
}

// When the last runtime file (wasm, standard library, scripts) finished arriving, on the worker's clock.
function filesArrived(indexURL, stdLibURL) {
  const ends = performance.getEntriesByType("resource")
    .filter((entry) => entry.name.startsWith(indexURL) || entry.name === stdLibURL).map((entry) => entry.responseEnd);
  return ends.length ? Math.max(...ends) : null;
}

async function start() {
  phases.started = performance.now();
  timeInstantiation(phases);
  postMessage(progressMessage(RUNTIME));
  const manifest = await (await fetch(new URL("manifest.json", base))).json();
  indexURL = new URL(manifest.pyodide_dir, base).href;
  stdLibURL = new URL(manifest.stdlib, base).href;
  const key = `${manifest.pyodide}/${manifest.wheel_sha256}`;
  const db = await openStore();
  const [runtime, wheel, parametersText, stored] = await Promise.all([
    import(new URL("pyodide.mjs", indexURL).href), fetchBytes(manifest.wheel),
    fetchBytes(manifest.parameters).then((bytes) => new TextDecoder().decode(bytes)), readSnapshot(db, key)]);
  loadPyodide = runtime.loadPyodide;
  phases.fetched = performance.now();
  const lock = JSON.stringify(manifest.pyodide_lock);
  let pyodide = await restore(stored, wheel, lock);
  let save = null;
  if (!pyodide) { ({ pyodide, save } = await startPlain(db, key, wheel, lock)); }
  phases.started_python = performance.now();
  phases.files_arrived = filesArrived(indexURL, stdLibURL);
  const json = pyodide.pyimport("json");
  const calculators = pyodide.pyimport("calculators");
  const parameters = json.loads(parametersText);
  phases.ready = performance.now();
  postMessage(progressMessage(READY, { snapshot: !save, why: save ? stored.why : null, phases }));
  if (save) {
    save().then((saved) => postMessage(progressMessage(SAVED, { saved }))).finally(() => db && db.close());
  } else if (db) {
    db.close();
  }
  return (calculator, inputs) => {
    const begun = performance.now();
    const result = calculators.calculate(calculator, json.loads(JSON.stringify(inputs)), parameters);
    try { return JSON.parse(json.dumps(result)); } finally {
      result.destroy();
      phases.first_computation ??= performance.now() - begun;
    }
  };
}

const ready = start();

self.onmessage = async (event) => {
  const { id, calculator, inputs, invalid } = readRequest(event.data);
  try {
    if (invalid) { throw new Error(invalid); }
    const compute = await ready;
    const result = compute(calculator, inputs);
    postMessage(resultMessage(id, result, phasesSent ? null : phases));
    phasesSent = true;
  } catch (error) {
    postMessage(errorMessage(id, error));
  }
};
