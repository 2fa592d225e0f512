// Run every calculation case inside the pinned npm Pyodide under Node the way the site's worker does
// (empty package lock, the wheel unpacked into site-packages, json + calculators imported, a memory
// snapshot taken, then calculators.calculate with JSON in and out), and write every result.
//   node run-cases.mjs <cases.json> <wheel> <out.json> --stdlib <python_stdlib.zip>
//     starts Python with exactly that standard-library zip;
//   node run-cases.mjs <cases.json> <wheel> <out.json> --trace
//     starts Python with the package's full standard library and records every member of it whose
//     bytes are read, from before Python starts to the last result.
// cases.json: {"parameters": "<JSON>", "cases": {"<name>": {"calculator": id, "inputs": "<JSON>"}}}; the
// parameters and inputs stay JSON text until Python reads them, so 65.0 stays a float.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { loadPyodide } from "pyodide";

const [casesPath, wheelPath, outPath, mode, stdlibPath] = process.argv.slice(2);
const indexURL = path.dirname(createRequire(import.meta.url).resolve("pyodide/pyodide.mjs")) + path.sep;

// Every member of a zip archive as [name, start, end]: the byte range from its local header to the next.
function members(archive) {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  let end = archive.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end -= 1;
  const directory = view.getUint32(end + 16, true), found = [];
  for (let entry = directory, index = 0; index < view.getUint16(end + 10, true); index += 1) {
    const nameLength = view.getUint16(entry + 28, true);
    found.push([new TextDecoder().decode(archive.subarray(entry + 46, entry + 46 + nameLength)),
      view.getUint32(entry + 42, true)]);
    entry += 46 + nameLength + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
  }
  found.sort((a, b) => a[1] - b[1]);
  return found.map(([name, start], index) => [name, start, index + 1 < found.length ? found[index + 1][1] : directory]);
}

// Record every member of the standard-library zip that Python starts reading (zipimport seeks to a
// member's local header and reads from there; reads of the central directory name no member).
function traceInto(opened, archive) {
  const ranges = members(archive);
  return async (FS, { sitePackages }) => {
    const [major, minor] = path.posix.basename(path.posix.dirname(sitePackages)).slice(6).split(".");
    const zipPath = `/lib/python${major}${minor}.zip`;
    const read = FS.read;
    FS.read = function (stream, buffer, offset, length, position) {
      if (stream.path === zipPath) {
        const from = position ?? stream.position;
        const member = ranges.find(([, start, end]) => start <= from && from < end);
        if (member) opened.add(member[0]);
      }
      return read.call(this, stream, buffer, offset, length, position);
    };
  };
}

process.on("uncaughtException", (error) => { console.error(String(error && error.stack || error)); process.exit(2); });
const opened = new Set();
const lock = JSON.parse(fs.readFileSync(path.join(indexURL, "pyodide-lock.json"), "utf8"));
const options = { indexURL, lockFileContents: { info: lock.info, packages: {} }, _makeSnapshot: true };
if (mode === "--trace") {
  options.fsInit = traceInto(opened, new Uint8Array(fs.readFileSync(path.join(indexURL, "python_stdlib.zip"))));
} else if (mode === "--stdlib") {
  options.stdLibURL = path.resolve(stdlibPath);
} else {
  throw new Error("give --trace or --stdlib <zip>");
}
const pyodide = await loadPyodide(options);
const sitePackages = pyodide.pyimport("site").getsitepackages().toJs()[0];
pyodide.unpackArchive(new Uint8Array(fs.readFileSync(wheelPath)), "wheel", { extractDir: sitePackages });
const json = pyodide.pyimport("json");
const calculators = pyodide.pyimport("calculators");
pyodide.makeMemorySnapshot();
const { parameters: parametersText, cases } = JSON.parse(fs.readFileSync(casesPath, "utf8"));
const parameters = json.loads(parametersText);
const results = {};
for (const [name, { calculator, inputs }] of Object.entries(cases)) {
  const result = calculators.calculate(calculator, json.loads(inputs), parameters);
  try { results[name] = JSON.parse(json.dumps(result)); } finally { result.destroy(); }
}
fs.writeFileSync(outPath, JSON.stringify({ results, opened: [...opened].sort() }));
process.exit(0);
