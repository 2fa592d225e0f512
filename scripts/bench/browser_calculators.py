"""Benchmark: a calculator page in headless Chromium, cold and warm (persistent profile), against a
plain embed of the same Pyodide on the main thread. Prints time to ready, submit to result,
main-thread blocking time and bytes transferred, and the ratios to the baseline.

Then per engine (Chromium, Firefox ESR, WebKitGTK, through the cross-engine test driver) and per
context (127.0.0.1, and http://intranet.test/, which is not a secure context): cold and warm time to
first result, whether the snapshot was used and why not, the snapshot bytes stored, the plain embed in
the same engine, and Chromium's memory over ten reloads."""
import functools
import re
import http.server
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from handbook.build import build_site

PROJECT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT))
from tests.engines.drivers import ENGINES, Gate, launch, tree_rss  # noqa: E402  (the tests' driver, reused)

INPUTS = "ui_insured=true&insured_employees_base=200&layoffs=11&last_year_ui_contributions_paid=80000.00&as_of=2020-06-30"
BASELINE_SCRIPT = """<script type="module">
(async () => {
  const manifest = await (await fetch("../../assets/calculators/manifest.json")).json();
  const indexURL = "../../assets/calculators/" + manifest.pyodide_dir;
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  const py = await loadPyodide({ indexURL });
  const wheel = new Uint8Array(await (await fetch("../../assets/calculators/" + manifest.wheel)).arrayBuffer());
  py.unpackArchive(wheel, "wheel", { extractDir: py.pyimport("site").getsitepackages().toJs()[0] });
  const json = py.pyimport("json"), calculators = py.pyimport("calculators");
  const parameters = json.loads(await (await fetch("../../assets/calculators/parameters.json")).text());
  window.__handbookTimings = { ready: performance.now() };
  const started = performance.now();
  const inputs = { ui_insured: true, insured_employees_base: 200, layoffs: 11,
                   last_year_ui_contributions_paid: "80000.00", as_of: "2020-06-30" };
  const result = JSON.parse(json.dumps(calculators.calculate("job-retention-refund", json.loads(JSON.stringify(inputs)), parameters)));
  window.__handbookLastResultMs = performance.now() - started;
  document.documentElement.setAttribute("data-done", result.refund);
})();
</script>"""
LONG_TASKS = """window.__blocking = 0;
new PerformanceObserver((list) => { for (const entry of list.getEntries()) { window.__blocking += Math.max(0, entry.duration - 50); } })
  .observe({ type: "longtask", buffered: true });"""
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site with cache headers and counts the bytes it sends."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript",
                      ".js": "text/javascript", ".wasm": "application/wasm", ".whl": "application/zip"}
    sent = [0]

    # Let the browser cache everything for the warm visit.
    def end_headers(self):
        self.send_header("Cache-Control", "public, max-age=3600")
        super().end_headers()

    # Count every byte of every response.
    def copyfile(self, source, outputfile):
        data = source.read()
        self.sent[0] += len(data)
        outputfile.write(data)

    # Stay quiet.
    def log_message(self, *args):
        pass


# One visit: seconds to ready, ms submit-to-result, ms blocking, bytes.
def visit(context, url: str, is_baseline: bool) -> dict:
    CountingHandler.sent[0] = 0
    page = context.new_page()
    page.add_init_script(LONG_TASKS)
    started = time.perf_counter()
    page.goto(url)
    if is_baseline:
        page.wait_for_selector("html[data-done]", state="attached", timeout=180_000)
    else:
        page.wait_for_selector("form[data-state=done]", timeout=180_000)
    timings = page.evaluate("({ready: window.__handbookTimings.ready, result: window.__handbookLastResultMs, "
                            "snapshot: window.__handbookTimings.snapshot, phases: window.__handbookTimings.phases})")
    if not is_baseline:
        page.click("form[data-calculator] button[type=submit]")
        page.wait_for_function("window.__handbookLastResultMs !== undefined")
        timings["result"] = page.evaluate("window.__handbookLastResultMs")
    page.wait_for_timeout(1500)
    blocking = page.evaluate("window.__blocking")
    page.close()
    return {"ready_s": timings["ready"] / 1000, "result_ms": timings["result"], "blocking_ms": blocking,
            "bytes": CountingHandler.sent[0], "wall_s": time.perf_counter() - started,
            "snapshot": timings.get("snapshot"), "phases": timings.get("phases")}


# Cold then warm visits with one persistent profile.
def measure(playwright, url: str, is_baseline: bool) -> tuple:
    profile = tempfile.mkdtemp()
    context = playwright.chromium.launch_persistent_context(profile, executable_path="/usr/bin/chromium", args=FLAGS)
    cold = visit(context, url, is_baseline)
    warm = visit(context, url, is_baseline)
    context.close()
    shutil.rmtree(profile, ignore_errors=True)
    return cold, warm


# Print one row of figures.
def show(name: str, figures: dict) -> None:
    print(f"{name:24} ready {figures['ready_s']:.2f} s | submit→result {figures['result_ms']:.1f} ms | "
          f"blocking {figures['blocking_ms']:.0f} ms | {figures['bytes'] / 1e6:.2f} MB"
          + (f" | snapshot used: {figures['snapshot']}" if figures.get("snapshot") is not None else ""))
    if figures.get("phases"):
        phases = figures["phases"]
        print(f"{'':24} in the worker: files {phases['fetched'] - phases['started']:.0f} ms, "
              f"Python {phases['started_python'] - phases['fetched']:.0f} ms, "
              f"package {phases['ready'] - phases['started_python']:.0f} ms; "
              f"worker started at {phases['started']:.0f} ms (worker clock)")


# The same calculator page with Pyodide embedded on the main thread instead of the worker.
def write_baseline(site: Path) -> None:
    page = (site / "calculators" / "job-retention-refund" / "index.html").read_text(encoding="utf-8")
    page = re.sub(r'<script src="[^"]*calculator\.js"></script>', "", page)
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    (site / "bench" / "baseline").mkdir(parents=True)
    (site / "bench" / "baseline" / "index.html").write_text(page.replace("</body>", BASELINE_SCRIPT + "</body>"),
                                                             encoding="utf-8")


# Milliseconds from navigation to the first result on the page (page clock), and what the worker reported.
def first_result(tab, url: str, is_baseline: bool) -> dict:
    tab.goto(url)
    tab.wait("html[data-done]" if is_baseline else "form[data-state=done]", timeout_s=300)
    if not is_baseline:
        tab.wait_until("window.__handbookTimings.snapshot || window.__handbookSnapshotSaved", timeout_s=300)
    return tab.evaluate("({ms: window.__handbookTimings.ready + window.__handbookLastResultMs, "
                        "snapshot: window.__handbookTimings.snapshot, why: window.__handbookTimings.why, "
                        "saved: window.__handbookSnapshotSaved || null})")


# Cold and warm visits in a fresh context of an engine.
def cold_and_warm(engine, url: str, is_baseline: bool) -> tuple:
    tab = engine.session()
    try:
        return first_result(tab, url, is_baseline), first_result(tab, url, is_baseline)
    finally:
        tab.close()


# Resident memory (MB) of Chromium's processes after each of ten reloads of a calculator.
def reload_memory(engine, url: str) -> list:
    tab = engine.session()
    sizes = []
    for _ in range(10):
        first_result(tab, url, False)
        sizes.append(tree_rss(engine.pid()) >> 20)
    tab.close()
    return sizes


# One row per engine and context: cold, warm, snapshot, bytes stored, plain embed, ratio.
def show_engine(name: str, context: str, worker: tuple, baseline: tuple) -> None:
    cold, warm = worker
    why = "used" if warm["snapshot"] else f"not used ({warm['why']})"
    stored = cold["saved"] or {}
    bytes_stored = f"{stored['stored'] / 1e6:.2f} MB{' gzip' if stored.get('gzip') else ''}" if stored.get("stored") \
        else f"nothing ({stored.get('why')} {stored.get('detail', '')})"
    print(f"{name:9} {context:14} cold {cold['ms'] / 1000:6.2f} s ({cold['why']}) | warm {warm['ms'] / 1000:6.2f} s, "
          f"snapshot {why} | stored {bytes_stored} | plain embed cold {baseline[0]['ms'] / 1000:.2f} s, "
          f"warm {baseline[1]['ms'] / 1000:.2f} s | warm/plain warm {warm['ms'] / baseline[1]['ms']:.2f} (target <= 0.3)")


# Every engine, on 127.0.0.1 and on the plain-HTTP intranet name.
def per_engine(site: Path) -> None:
    print("\nper engine (snapshot in IndexedDB); time to first result on the page clock:")
    for name in ENGINES:
        gate = Gate(site)
        engine = launch(name, gate)
        try:
            for context, root in (("127.0.0.1", gate.url), ("intranet.test", gate.intranet_url)):
                worker = cold_and_warm(engine, f"{root}calculators/job-retention-refund/?{INPUTS}", False)
                baseline = cold_and_warm(engine, f"{root}bench/baseline/", True)
                show_engine(name, context, worker, baseline)
            if name == "chromium":
                sizes = reload_memory(engine, f"{gate.url}calculators/job-retention-refund/?{INPUTS}")
                print(f"{'':9} memory (browser processes, MB) after each of ten reloads: {sizes}")
        finally:
            engine.close()
            gate.close()


# Build, serve, measure both, print figures and ratios.
def main() -> None:
    site = build_site(str(PROJECT / "policy_data"), str(Path(tempfile.mkdtemp()) / "site"), str(PROJECT / "mkdocs.yml"))
    write_baseline(site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CountingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        worker = measure(playwright, f"{root}calculators/job-retention-refund/?{INPUTS}", False)
        baseline = measure(playwright, f"{root}bench/baseline/", True)
    server.shutdown()
    for label, figures in zip(("worker, cold", "worker, warm", "plain embed, cold", "plain embed, warm"),
                              worker + baseline):
        show(label, figures)
    print(f"ratios worker/baseline: warm ready {worker[1]['ready_s'] / baseline[1]['ready_s']:.2f} (target <= 0.3); "
          f"cold bytes {worker[0]['bytes'] / baseline[0]['bytes']:.2f} (target <= 1); "
          f"blocking cold {worker[0]['blocking_ms']:.0f} ms vs {baseline[0]['blocking_ms']:.0f} ms (target <= 100 ms)")
    print("targets: submit→result <= 50 ms once ready")
    per_engine(site)


if __name__ == "__main__":
    sys.exit(main())
