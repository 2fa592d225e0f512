// Time calculations inside the pinned Pyodide under Node: load once, then many calls of one calculator.
import fs from "node:fs";
import path from "node:path";
import { loadPyodide } from "pyodide";

const [projectDir, wheelPath, parametersPath] = process.argv.slice(2);
const started = performance.now();
const pyodide = await loadPyodide({ indexURL: path.join(projectDir, "node_modules", "pyodide") + path.sep });
const sitePackages = pyodide.pyimport("site").getsitepackages().toJs()[0];
pyodide.unpackArchive(new Uint8Array(fs.readFileSync(wheelPath)), "wheel", { extractDir: sitePackages });
const json = pyodide.pyimport("json");
const calculators = pyodide.pyimport("calculators");
const parameters = json.loads(fs.readFileSync(parametersPath, "utf8"));
const ready = performance.now() - started;
const inputs = { ui_insured: true, insured_employees_base: 200, layoffs: 11,
  last_year_ui_contributions_paid: "80000.00", as_of: "2020-06-30" };
const times = [];
for (let index = 0; index < 500; index += 1) {
  const begin = performance.now();
  const result = calculators.calculate("job-retention-refund", json.loads(JSON.stringify(inputs)), parameters);
  JSON.parse(json.dumps(result));
  result.destroy();
  times.push(performance.now() - begin);
}
times.sort((a, b) => a - b);
console.log(`${times[times.length >> 1].toFixed(3)} ms per calculation (median of 500, JSON in and out); ` +
  `runtime + package ready in ${(ready / 1000).toFixed(2)} s`);
