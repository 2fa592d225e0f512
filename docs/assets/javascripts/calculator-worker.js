// Web Worker running the calculators package in self-hosted Pyodide.
// Messages in: {id, calculator, inputs}. Messages out: {id, result} | {id, error} | {progress}.
// It calls named functions of the package only; it never runs Python source sent by a page.
// Warm start: after the first plain start it keeps a memory snapshot (Pyodide with the package
// imported) in Cache Storage, keyed by the Pyodide version and the wheel's hash; anything
// unexpected falls back to the plain start.
// The runtime and the wheel sit in folders named by version and hash (so servers may cache them
// for a year); manifest.json, always revalidated, names them.
const base = new URL("../calculators/", import.meta.url);
let loadPyodide = null;
let indexURL = null;
const SNAPSHOTS = "handbook-pyodide-snapshots";

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
    const pyodide = await loadPyodide({ indexURL, lockFileContents: lock, _loadSnapshot: snapshot });
    installWheel(pyodide, wheel);
    return pyodide;
  } catch (error) {
    return null;
  }
}

async function startPlain(key, wheel, lock) {
  const pyodide = await loadPyodide({ indexURL, lockFileContents: lock, _makeSnapshot: true });
  installWheel(pyodide, wheel);
  pyodide.pyimport("json").destroy();
  pyodide.pyimport("calculators").destroy();
  const snapshot = pyodide.makeMemorySnapshot();
  return { pyodide, save: () => saveSnapshot(key, snapshot) };
}

async function start() {
  const phases = { started: performance.now() };
  postMessage({ progress: "runtime" });
  const manifest = await (await fetch(new URL("manifest.json", base))).json();
  indexURL = new URL(manifest.pyodide_dir, base).href;
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
  const json = pyodide.pyimport("json");
  const calculators = pyodide.pyimport("calculators");
  const parameters = json.loads(parametersText);
  phases.ready = performance.now();
  postMessage({ progress: "ready", snapshot: !save, phases });
  if (save) { await save(); }
  return (calculator, inputs) => {
    const result = calculators.calculate(calculator, json.loads(JSON.stringify(inputs)), parameters);
    try { return JSON.parse(json.dumps(result)); } finally { result.destroy(); }
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
    postMessage({ id, result: compute(calculator, inputs) });
  } catch (error) {
    postMessage({ id, error: String(error && error.message || error) });
  }
};
