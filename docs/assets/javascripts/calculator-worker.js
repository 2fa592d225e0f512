// Web Worker running the calculators package in self-hosted Pyodide.
// Messages in: {id, calculator, inputs}. Messages out: {id, result} | {id, error} | {progress}.
// It calls named functions of the package only; it never runs Python source sent by a page.
import { loadPyodide } from "../calculators/pyodide/pyodide.mjs";

const base = new URL("../calculators/", import.meta.url);

async function fetchBytes(name) {
  const response = await fetch(new URL(name, base));
  if (!response.ok) { throw new Error(`${name}: HTTP ${response.status}`); }
  return new Uint8Array(await response.arrayBuffer());
}

async function start() {
  postMessage({ progress: "runtime" });
  const manifest = await (await fetch(new URL("manifest.json", base))).json();
  const pyodide = await loadPyodide({ indexURL: new URL("pyodide/", base).href });
  postMessage({ progress: "package" });
  const sitePackages = pyodide.pyimport("site").getsitepackages().toJs()[0];
  pyodide.unpackArchive(await fetchBytes(manifest.wheel), "wheel", { extractDir: sitePackages });
  const parametersText = new TextDecoder().decode(await fetchBytes(manifest.parameters));
  const json = pyodide.pyimport("json");
  const calculators = pyodide.pyimport("calculators");
  const parameters = json.loads(parametersText);
  postMessage({ progress: "ready" });
  return (calculator, inputs) => {
    const result = calculators.calculate(calculator, json.loads(JSON.stringify(inputs)), parameters);
    try { return JSON.parse(json.dumps(result)); } finally { result.destroy(); }
  };
}

const ready = start();

self.onmessage = async (event) => {
  const { id, calculator, inputs } = event.data || {};
  try {
    const compute = await ready;
    if (typeof calculator !== "string" || inputs === null || typeof inputs !== "object") {
      throw new Error("a request needs a calculator id and an inputs object");
    }
    postMessage({ id, result: compute(calculator, inputs) });
  } catch (error) {
    postMessage({ id, error: String(error && error.message || error) });
  }
};
