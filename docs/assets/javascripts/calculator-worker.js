// Web Worker running the calculators package in self-hosted Pyodide.
// Its messages are worker-protocol.js's: in {id, calculator, inputs}, out {id, result} | {id, error} | {progress};
// "ready" and the first result also carry `phases`, where start-up time went.
// It calls named functions of the package only; it never runs Python source sent by a page.
// Warm start: a plain start makes a memory snapshot (Pyodide with the package imported) and hands it
// to IndexedDB at once, keyed by the Pyodide version and the wheel's hash, without its all-zero blocks
// and uncompressed (gzip only where the quota refuses that), with its length and a checksum; the first
// answer is posted once that write is committed, so a reader who leaves as soon as it shows still
// finds the snapshot next time. {leave: true} from a page that goes asks the worker to close once the
// write settles. The snapshot is read from the worker's first moment, while the manifest is asked for;
// on a warm start the runtime's module compiles while it is unpacked and the other files arrive.
// IndexedDB is there in insecure contexts (plain-HTTP intranets) and in WebKit, where Cache Storage is
// not. Anything unexpected falls back to the plain start, and the ready message says why: {snapshot:
// false, why: "none stored" | "no storage" | "version changed" | "restore failed" | "read failed"}; a
// plain start then posts {progress: "saved", saved: {stored: bytes, gzip, ms} | {stored: 0, why:
// "quota" | "no storage" | "save failed", ms}} (ms from the snapshot made to the write committed or
// refused).
// The runtime, the wheel, the parameters and the trimmed standard library (only what the calculators
// need, made by the build) sit in folders named by version and hash (so servers may cache them for a year);
// manifest.json, always revalidated, names them.
// The message shapes (worker-protocol.js), asked for while the manifest and the snapshot are: a static import would
// hold the worker's first line back by a round trip. A module that cannot load fails the worker, as a static import
// would (an uncaught error reaches the page's onerror).
const protocol = import("./worker-protocol.js");
protocol.catch((error) => setTimeout(() => { throw error; }));

const base = new URL("../calculators/", import.meta.url);
let loadPyodide = null;
let indexURL = null;
let stdLibURL = null;
const SNAPSHOTS = "handbook-pyodide-snapshots";
const STORE = "snapshots";
const CURRENT = "current";
const CURRENT_KEY = "current-key";  // the current record's key, kept apart so that it is read without the bytes
const BLOCK = 4096;  // bytes: the snapshot is stored without its all-zero blocks of this size
// Where start-up time went, on the worker's clock (ms): sent with "ready" and with the first result.
const phases = {};
let phasesSent = false;
// The first answer waits for the snapshot's write at most this long (ms), so a stuck IndexedDB never holds it.
const SAVE_WAIT_MS = 5000;
// Settles when answers may be posted: once the snapshot is kept, or SAVE_WAIT_MS after it was made.
let answerable = Promise.resolve();
// The runtime's module being compiled ahead of loadPyodide (on a warm start, from before the snapshot is read), or null.
let compiling = null;
// Settles once the snapshot of a plain start is stored or refused (at once when there is none to keep).
let kept = Promise.resolve();

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

// Run one request on the snapshot store (a write is committed at once); resolve with its result when the
// transaction completes.
function transact(db, mode, operate) {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = operate(transaction.objectStore(STORE));
    if (mode === "readwrite" && transaction.commit) { transaction.commit(); }
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error || request.error);
    transaction.onabort = () => reject(transaction.error || request.error || new Error("aborted"));
  });
}

// Bytes through a gzip (de)compression stream.
async function pipeBytes(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

// True when the stored snapshot is of this version (its key, kept apart, read without its bytes).
async function isCurrent(db, key) {
  if (!db) { return false; }
  try {
    return await transact(db, "readonly", (store) => store.get(CURRENT_KEY)) === key;
  } catch (error) {
    return false;
  }
}

// The stored snapshot's record, of whichever version: {record} or {record: null, why}.
async function readSnapshot(db) {
  if (!db) { return { record: null, why: "no storage" }; }
  try {
    const record = await transact(db, "readonly", (store) => store.get(CURRENT));
    return record ? { record } : { record: null, why: "none stored" };
  } catch (error) {
    return { record: null, why: "read failed" };
  } finally {
    phases.read = performance.now();
  }
}

// The snapshot's bytes from its record, unpacked; throws on a damaged gzip stream, a block list that
// does not fit, or a checksum that differs (so a half-written or damaged record is never restored).
async function unpack(record) {
  const bytes = record.gzip ? await pipeBytes(record.bytes, new DecompressionStream("gzip")) : new Uint8Array(record.bytes);
  const blocks = new Int32Array(record.blocks);
  if (checksum([bytes, new Uint8Array(record.blocks)]) !== record.checksum) { throw new Error("snapshot checksum differs"); }
  const snapshot = new Uint8Array(record.length);
  let offset = 0;
  for (const block of blocks) {
    const size = Math.min(BLOCK, record.length - block * BLOCK);
    if (size <= 0 || offset + size > bytes.byteLength) { throw new Error("snapshot blocks do not fit"); }
    snapshot.set(bytes.subarray(offset, offset + size), block * BLOCK);
    offset += size;
  }
  if (offset !== bytes.byteLength) { throw new Error("snapshot length differs"); }
  return snapshot;
}

// The bytes of one 32-bit word, as the checksum and the zero-block test read the snapshot.
const WORD = Int32Array.BYTES_PER_ELEMENT;

// A 32-bit checksum of byte arrays (FNV-style over 32-bit words, then each array's tail).
function checksum(arrays) {
  let hash = 0x811c9dc5;
  for (const bytes of arrays) {
    const words = new Int32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / WORD));
    hash = Math.imul(hash ^ bytes.byteLength, 0x01000193);
    for (let i = 0; i < words.length; i++) { hash = Math.imul(hash ^ words[i], 0x01000193); }
    for (let i = words.length * WORD; i < bytes.byteLength; i++) { hash = Math.imul(hash ^ bytes[i], 0x01000193); }
  }
  return hash >>> 0;
}

// True when a block of the snapshot holds only zero bytes (the last, partial block is always kept).
function isZeroBlock(words, block) {
  const start = block * (BLOCK / WORD), end = start + BLOCK / WORD;
  if (end > words.length) { return false; }
  for (let i = start; i < end; i++) { if (words[i] !== 0) { return false; } }
  return true;
}

// The snapshot without its all-zero blocks (about half of Pyodide's memory): {bytes, blocks}, the kept
// blocks one after another and their indices (an Int32Array's buffer).
function pack(snapshot) {
  const words = new Int32Array(snapshot.buffer, snapshot.byteOffset, Math.floor(snapshot.byteLength / WORD));
  const kept = [];
  for (let block = 0; block * BLOCK < snapshot.byteLength; block++) {
    if (!isZeroBlock(words, block)) { kept.push(block); }
  }
  const size = (block) => Math.min(BLOCK, snapshot.byteLength - block * BLOCK);
  const bytes = new Uint8Array(kept.reduce((total, block) => total + size(block), 0));
  let offset = 0;
  for (const block of kept) {
    bytes.set(snapshot.subarray(block * BLOCK, block * BLOCK + size(block)), offset);
    offset += size(block);
  }
  return { bytes, blocks: Int32Array.from(kept).buffer };
}

// The stored record of a packed snapshot: its bytes as they are (the fast restore) or gzip-compressed
// (bytes spans its whole buffer).
function snapshotRecord(key, length, packed, bytes, gzip) {
  const sum = checksum([packed.bytes, new Uint8Array(packed.blocks)]);
  return { key, gzip, length, checksum: sum, blocks: packed.blocks, bytes: bytes.buffer };
}

// Put a record (and its key apart) in place of any other, committed at once; resolve with what was stored.
async function putRecord(db, record) {
  await transact(db, "readwrite", (store) => { store.put(record.key, CURRENT_KEY); return store.put(record, CURRENT); });
  return { stored: record.bytes.byteLength, gzip: record.gzip };
}

// True when an IndexedDB error says the origin's quota is used up.
function isQuota(error) {
  return Boolean(error) && (error.name === "QuotaExceededError" || /quota/i.test(String(error.message)));
}

// Keep the snapshot (replacing any other); report the bytes stored or why nothing was. The bytes as
// they are are handed to IndexedDB before this returns (one put, committed straight away), so the
// write is under way before the first answer is computed; gzip only when the quota refuses them.
async function saveSnapshot(db, key, snapshot) {
  if (!db) { return { stored: 0, why: "no storage" }; }
  const packed = pack(snapshot);
  try {
    return await putRecord(db, snapshotRecord(key, snapshot.byteLength, packed, packed.bytes, false));
  } catch (error) {
    if (!isQuota(error) || typeof CompressionStream === "undefined") { return refused(error); }
  }
  try {
    const bytes = await pipeBytes(packed.bytes, new CompressionStream("gzip"));
    return await putRecord(db, snapshotRecord(key, snapshot.byteLength, packed, bytes, true));
  } catch (error) {
    return refused(error);
  }
}

// Why a snapshot was not kept.
function refused(error) {
  return { stored: 0, why: isQuota(error) ? "quota" : "save failed", detail: String(error && error.name || error) };
}

// The stored snapshot for this key (reading: readSnapshot's promise), unpacked while the rest arrives and the
// runtime's module compiles: {snapshot} or {snapshot: null, why}.
async function unpackFor(key, reading) {
  const stored = await reading;
  if (!stored.record) { return { snapshot: null, why: stored.why }; }
  if (stored.record.key !== key) { return { snapshot: null, why: "version changed" }; }
  try {
    const snapshot = await unpack(stored.record);
    phases.unpacked = performance.now();
    return { snapshot };
  } catch (error) {
    return { snapshot: null, why: "restore failed" };
  }
}

// Pyodide restored from the unpacked snapshot, or null (with the reason set) when that fails.
async function restore(stored, wheel, options) {
  if (!stored.snapshot) { return null; }
  try {
    const pyodide = await loadPyodide({ ...options, _loadSnapshot: stored.snapshot });
    phases.restored = performance.now();
    installWheel(pyodide, wheel);
    phases.wheel_installed = performance.now();
    return pyodide;
  } catch (error) {
    stored.why = "restore failed";
    return null;
  }
}

// A plain start: Pyodide started, the package imported, its snapshot made and handed to IndexedDB;
// {pyodide, saving} (saving: the promise of what was stored).
async function startPlain(db, key, wheel, options) {
  const pyodide = await loadPyodide({ ...options, _makeSnapshot: true });
  phases.python_started = performance.now();
  installWheel(pyodide, wheel);
  pyodide.pyimport("json").destroy();
  pyodide.pyimport("calculators").destroy();
  phases.package_imported = performance.now();
  const snapshot = pyodide.makeMemorySnapshot();
  phases.snapshot_made = performance.now();
  const saving = saveSnapshot(db, key, snapshot);
  phases.save_handed_over = performance.now();
  return { pyodide, saving };
}

// The runtime's module, compiled as it streams in, while the snapshot is read and the other files arrive; null
// where the browser cannot compile a stream (loadPyodide then compiles it itself). Only when this version's snapshot
// is stored: the runtime is then in the HTTP cache, and a first visit never fetches it twice at once (not every
// browser shares one download between two requests).
function compileRuntime() {
  if (!WebAssembly.compileStreaming) { return null; }
  return WebAssembly.compileStreaming(fetch(new URL("pyodide.asm.wasm", indexURL))).catch(() => null);
}

// WebAssembly instantiation inside loadPyodide, timed: from the module compiled beforehand when there is
// one (the response Pyodide fetched itself, from the HTTP cache, is then let go), else compiled as it streams.
function instantiateWith(phases) {
  const instantiateStreaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (source, imports) => {
    phases.compile_started = performance.now();
    try {
      const module = compiling && await compiling;
      if (!module) { return await instantiateStreaming.call(WebAssembly, source, imports); }
      Promise.resolve(source).then((response) => response.body && response.body.cancel(), () => null);
      return { instance: await WebAssembly.instantiate(module, imports), module };
    } finally {
      phases.compiled = performance.now();
    }
  };
}

// When the last runtime file (wasm, standard library, scripts) finished arriving, on the worker's clock.
function filesArrived(indexURL, stdLibURL) {
  const ends = performance.getEntriesByType("resource")
    .filter((entry) => entry.name.startsWith(indexURL) || entry.name === stdLibURL).map((entry) => entry.responseEnd);
  return ends.length ? Math.max(...ends) : null;
}

// Start the engine (restored from the snapshot when one fits, else plain); resolve with compute(calculator, inputs).
async function start() {
  phases.started = performance.now();
  instantiateWith(phases);
  const opening = openStore();
  const reading = opening.then(readSnapshot);  // while the manifest is asked for
  const asking = fetch(new URL("manifest.json", base));
  const { READY, RUNTIME, SAVED, progressMessage } = await protocol;
  postMessage(progressMessage(RUNTIME));
  const manifest = await (await asking).json();
  indexURL = new URL(manifest.pyodide_dir, base).href;
  stdLibURL = new URL(manifest.stdlib, base).href;
  const key = `${manifest.pyodide}/${manifest.wheel_sha256}`;
  const db = await opening;
  compiling = await isCurrent(db, key) ? compileRuntime() : null;
  const [runtime, createPyodideModule, wheel, parametersText, stored] = await Promise.all([
    import(new URL("pyodide.mjs", indexURL).href), import(new URL("pyodide.asm.mjs", indexURL).href).then((asm) => asm.default),
    fetchBytes(manifest.wheel), fetchBytes(manifest.parameters).then((bytes) => new TextDecoder().decode(bytes)),
    unpackFor(key, reading)]);
  loadPyodide = runtime.loadPyodide;
  phases.fetched = performance.now();
  const options = { indexURL, stdLibURL, lockFileContents: JSON.stringify(manifest.pyodide_lock), createPyodideModule };
  let pyodide = await restore(stored, wheel, options);
  let saving = null;
  if (!pyodide) { ({ pyodide, saving } = await startPlain(db, key, wheel, options)); }
  phases.started_python = performance.now();
  phases.files_arrived = filesArrived(indexURL, stdLibURL);
  const json = pyodide.pyimport("json");
  const calculators = pyodide.pyimport("calculators");
  const parameters = json.loads(parametersText);
  phases.ready = performance.now();
  postMessage(progressMessage(READY, { snapshot: !saving, why: saving ? stored.why : null, phases }));
  if (saving) {
    kept = saving.then((saved) => postMessage(progressMessage(SAVED, { saved: { ...saved, ms: performance.now() - phases.snapshot_made } })))
      .finally(() => db && db.close());
    answerable = Promise.race([kept, new Promise((resolve) => setTimeout(resolve, SAVE_WAIT_MS))]);
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

// The page is going: close once the snapshot being kept is stored (or refused), never half-way.
function leave() {
  ready.catch(() => null).then(() => kept).finally(() => self.close());
}

self.onmessage = async (event) => {
  const { errorMessage, readRequest, resultMessage } = await protocol;
  const { id, calculator, inputs, invalid, leaving } = readRequest(event.data);
  if (leaving) { leave(); return; }
  try {
    if (invalid) { throw new Error(invalid); }
    const compute = await ready;
    const result = compute(calculator, inputs);
    await answerable;
    postMessage(resultMessage(id, result, phasesSent ? null : phases));
    phasesSent = true;
  } catch (error) {
    postMessage(errorMessage(id, error));
  }
};
