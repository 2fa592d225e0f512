// Run the calculation test suite inside the pinned npm Pyodide under Node, offline:
// unpack the calculators wheel and the test dependencies, copy the tests in, call pytest.main,
// then write every case's result to a JSON file for comparison with CPython.
import fs from "node:fs";
import path from "node:path";
import { loadPyodide } from "pyodide";

const [projectDir, packagesDir, wheelPath, resultsPath] = process.argv.slice(2);

function copyTree(pyodide, from, to) {
  pyodide.FS.mkdirTree(to);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.name === "__pycache__") continue;
    const source = path.join(from, entry.name);
    const target = `${to}/${entry.name}`;
    if (entry.isDirectory()) copyTree(pyodide, source, target);
    else pyodide.FS.writeFile(target, new Uint8Array(fs.readFileSync(source)));
  }
}

process.on("uncaughtException", (error) => { console.error(String(error)); process.exit(2); });
const pyodide = await loadPyodide({ indexURL: path.join(projectDir, "node_modules", "pyodide") + path.sep });
const sitePackages = pyodide.pyimport("site").getsitepackages().toJs()[0];
const wheel = { extractDir: sitePackages };
pyodide.unpackArchive(new Uint8Array(fs.readFileSync(wheelPath)), "wheel", wheel);
for (const name of fs.readdirSync(packagesDir).sort()) {
  const bytes = new Uint8Array(fs.readFileSync(path.join(packagesDir, name)));
  if (name.endsWith(".whl")) pyodide.unpackArchive(bytes, "wheel", wheel);
  else pyodide.unpackArchive(bytes, "gztar", { extractDir: "/sdist" });
}
const yamlSource = fs.readdirSync(packagesDir).find((name) => name.toLowerCase().startsWith("pyyaml"));
const sys = pyodide.pyimport("sys");
sys.path.insert(0, `/sdist/${yamlSource.replace(/\.tar\.gz$/, "")}/lib`);
sys.path.insert(0, "/project/scripts");
sys.path.insert(0, "/project");
copyTree(pyodide, path.join(projectDir, "tests", "calculators"), "/project/tests/calculators");
copyTree(pyodide, path.join(projectDir, "scripts", "handbook"), "/project/scripts/handbook");
copyTree(pyodide, path.join(projectDir, "policy_data"), "/project/policy_data");
copyTree(pyodide, path.join(projectDir, "tests", "fixtures", "amendment"), "/project/tests/fixtures/amendment");
pyodide.FS.writeFile("/project/tests/__init__.py", "");
pyodide.FS.chdir("/project");

pyodide.pyimport("importlib").invalidate_caches();
const pytest = pyodide.pyimport("pytest");
const status = pytest.main(pyodide.toPy(["-q", "-p", "no:cacheprovider", "tests/calculators"]));
const cases = pyodide.pyimport("tests.calculators.casefiles");
fs.writeFileSync(resultsPath, cases.all_results_json());
process.exit(Number(status));
