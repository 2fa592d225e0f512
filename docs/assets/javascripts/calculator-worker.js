// Web Worker running the calculators package in self-hosted Pyodide.
// Messages in: {id, calculator, inputs}. Messages out: {id, result} | {id, error} | {progress}; "ready"
// and the first result also carry `phases`, where start-up time went.
// It calls named functions of the package only; it never runs Python source sent by a page.
// Warm start: after the first plain start it keeps a memory snapshot (Pyodide with the package
// imported) in Cache Storage, keyed by the Pyodide version and the wheel's hash; anything
// unexpected falls back to the plain start.
// The runtime, the wheel and the trimmed standard library (only what the calculators need, made by
// the build) sit in folders named by version and hash (so servers may cache them for a year);
// manifest.json, always revalidated, names them.
const base = new URL("../calculators/", import.meta.url);
let loadPyodide = null;
let indexURL = null;
let stdLibURL = null;
const SNAPSHOTS = "handbook-pyodide-snapshots";
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

async function readSnapshot(key) {
  try {
    const hit = await (await caches.open(SNAPSHOTS)).match(key);
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch (error) {
    return null;
  }
}

async function saveSnapshot(key, bytes) {
  try {
    const cache = await caches.open(SNAPSHOTS);
    for (const old of await cache.keys()) { await cache.delete(old); }
    await cache.put(key, new Response(bytes));
  } catch (error) {
    // No Cache Storage (private mode, quota): the next visit starts plainly.
  }
}

async function restore(snapshot, wheel, lock) {
  if (!snapshot) { return null; }
  try {
    const pyodide = await loadPyodide({ indexURL, stdLibURL, lockFileContents: lock, _loadSnapshot: snapshot });
    installWheel(pyodide, wheel);
    return pyodide;
  } catch (error) {
    return null;
  }
}

async function startPlain(key, wheel, lock) {
  const pyodide = await loadPyodide({ indexURL, stdLibURL, lockFileContents: lock, _makeSnapshot: true });
  phases.python_started = performance.now();
  installWheel(pyodide, wheel);
  pyodide.pyimport("json").destroy();
  pyodide.pyimport("calculators").destroy();
  phases.package_imported = performance.now();
  const snapshot = pyodide.makeMemorySnapshot();
  phases.snapshot_made = performance.now();
  return { pyodide, save: () => saveSnapshot(key, snapshot) };
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
  postMessage({ progress: "runtime" });
  const manifest = await (await fetch(new URL("manifest.json", base))).json();
  indexURL = new URL(manifest.pyodide_dir, base).href;
  stdLibURL = new URL(manifest.stdlib, base).href;
  const key = new URL(`snapshot/${manifest.pyodide}/${manifest.wheel_sha256}`, base).href;
  const [runtime, wheel, parametersText, snapshot] = await Promise.all([
    import(new URL("pyodide.mjs", indexURL).href), fetchBytes(manifest.wheel),
    fetchBytes(manifest.parameters).then((bytes) => new TextDecoder().decode(bytes)), readSnapshot(key)]);
  loadPyodide = runtime.loadPyodide;
  phases.fetched = performance.now();
  const lock = JSON.stringify(manifest.pyodide_lock);
  let pyodide = await restore(snapshot, wheel, lock);
  let save = null;
  if (!pyodide) { ({ pyodide, save } = await startPlain(key, wheel, lock)); }
  phases.started_python = performance.now();
  phases.files_arrived = filesArrived(indexURL, stdLibURL);
  const json = pyodide.pyimport("json");
  const calculators = pyodide.pyimport("calculators");
  const parameters = json.loads(parametersText);
  phases.ready = performance.now();
  postMessage({ progress: "ready", snapshot: !save, phases });
  if (save) { save(); }
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
  const { id, calculator, inputs } = event.data || {};
  try {
    if (typeof calculator !== "string" || inputs === null || typeof inputs !== "object" || Array.isArray(inputs)) {
      throw new Error("a request needs a calculator id and an inputs object");
    }
    const compute = await ready;
    const result = compute(calculator, inputs);
    postMessage(phasesSent ? { id, result } : { id, result, phases });
    phasesSent = true;
  } catch (error) {
    postMessage({ id, error: String(error && error.message || error) });
  }
};
