"""Benchmark: the first calculator visit in headless Chromium through the project's own nginx
configuration (Brotli), against a plain main-thread embed of the same Pyodide files.

Prints for each variant the cold visit (fresh profile) and the warm one (same profile again) after a
reader who left as soon as the first result showed and after one who stayed 5 s, median of --runs:
time to first result, main-thread blocking (long tasks beyond 50 ms) and bytes on the wire
(nginx's $bytes_sent, headers included, Pyodide's share apart); the worker's own account of where
start-up time went; a reading page's bytes; and the ratios against the targets.

    .venv/bin/python scripts/bench/browser_calculators.py [--runs 3] [--chromium-only] [--no-throttled]

Then the same cold and warm visits under a mobile link (Chromium DevTools emulation: 9 Mbps down, 1.5 Mbps up,
150 ms round trip, 4 x CPU slowdown), worker against plain embed, with their targets (cold <= 0.7, warm <= 0.2);
and under the link alone: DevTools slows the CPU of a page's main thread only, never a worker's, so only the
link alone compares the two at the same speed.

Each variant is a function of the browser; a variant for another engine adds a row, not a change.

Then per engine (Chromium, Firefox ESR, WebKitGTK, through the cross-engine test driver) and per
context (127.0.0.1, and http://intranet.test/, which is not a secure context): cold and warm time to
first result, whether the snapshot was used and why not, the snapshot bytes stored (IndexedDB), the
plain embed in the same engine, and Chromium's memory over ten reloads.
"""
import argparse
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from handbook.build import build_site
from handbook.site.compress import precompress
from handbook.site.wheel import PROJECT, pyodide_version

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nginx_server import BROTLI, NGINX, Nginx  # noqa: E402  (a script folder, not a package)
sys.path.insert(0, str(PROJECT))
from tests.engines.drivers import ENGINES, Gate, launch, tree_rss  # noqa: E402  (the tests' driver, reused)

INPUTS = "ui_insured=true&insured_employees_base=200&layoffs=11&last_year_ui_contributions_paid=80000.00&as_of=2020-06-30"
CALCULATOR = f"calculators/job-retention-refund/?{INPUTS}"
READING = "measures/05/"
TARGETS = {"cold": 0.8, "warm": 0.2, "blocking_ms": 50, "first_visit_mb": 4.5}
THROTTLED_TARGETS = {"cold": 0.7, "warm": 0.2}
# A mobile link as DevTools emulates it: bytes per second each way, round trip in ms, CPU slowdown factor. DevTools
# slows only a page's main thread ("only supported for pages, not workers"), so the plain embed runs at a quarter of
# the speed and the worker's own work at full speed; the link alone, without the slowdown, is fair to both.
MOBILE = {"download": 9e6 / 8, "upload": 1.5e6 / 8, "latency_ms": 150, "cpu": 4}
LINKS = {"mobile link, 4 x CPU on the main thread only": MOBILE, "mobile link alone, fair to both": {**MOBILE, "cpu": 1}}
STAY_MS = 5000
# The warm visits: after a cold visit left as soon as its first result showed, or after one of STAY_MS.
WARM = {"warm, left at once": 0, "warm, stayed 5 s": STAY_MS}
# Before any page script: record long tasks, when the result first shows, and the worker's phases.
WATCH = """window.__blocking = 0;
new PerformanceObserver((list) => { for (const entry of list.getEntries()) { window.__blocking += Math.max(0, entry.duration - 50); } })
  .observe({ type: "longtask", buffered: true });
new MutationObserver(() => {
  if (window.__doneAt === undefined && document.querySelector("form[data-state=done], html[data-done]")) {
    window.__doneAt = performance.now();
    document.documentElement.setAttribute("data-bench-done", "");
  }
}).observe(document, { attributes: true, subtree: true, childList: true });
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", (event) => {
      if (event.data && event.data.phases) { window.__phases = event.data.phases; }
      if (event.data && event.data.saved) { window.__saved = event.data.saved; }
    });
  }
};"""
BASELINE_SCRIPT = """<script type="module">
const here = "../../assets/calculators/";
const { loadPyodide } = await import(here + "pyodide/@VERSION@/pyodide.mjs");
const py = await loadPyodide({ indexURL: here + "pyodide/@VERSION@/", stdLibURL: here + "@FULL_STDLIB@" });
const manifest = await (await fetch(here + "manifest.json")).json();
const wheel = new Uint8Array(await (await fetch(here + manifest.wheel)).arrayBuffer());
py.unpackArchive(wheel, "wheel", { extractDir: py.pyimport("site").getsitepackages().toJs()[0] });
const json = py.pyimport("json"), calculators = py.pyimport("calculators");
const parameters = json.loads(await (await fetch(here + manifest.parameters)).text());
const inputs = { ui_insured: true, insured_employees_base: 200, layoffs: 11,
                 last_year_ui_contributions_paid: "80000.00", as_of: "2020-06-30" };
const result = JSON.parse(json.dumps(calculators.calculate("job-retention-refund", json.loads(JSON.stringify(inputs)), parameters)));
window.__embedDoneAt = performance.now();
document.documentElement.setAttribute("data-done", result.refund);
</script>"""
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


# One visit in a browser context, the page closed stay_ms after its first result: ms to first result,
# ms blocking, bytes, the worker's phases and what it reported of the snapshot saved.
def visit(context, server: Nginx, url: str, stay_ms: int, link: dict = None) -> dict:
    mark = server.mark()
    page = context.new_page()
    if link:
        throttle(context, page, link)
    page.add_init_script(WATCH)
    page.goto(url)
    page.wait_for_selector("html[data-bench-done]", state="attached", timeout=180_000)
    figures = page.evaluate("({ result_ms: window.__doneAt, blocking_ms: window.__blocking, phases: window.__phases || null,"
                            " saved: window.__saved || null })")
    if stay_ms:
        page.wait_for_timeout(stay_ms)
    page.close()
    figures["bytes"], figures["pyodide_bytes"] = server.bytes_since(mark)
    return figures


# Emulate a link (one of LINKS) on a page through DevTools: the page's network, its worker's too, and its main
# thread's CPU.
def throttle(context, page, link: dict) -> None:
    devtools = context.new_cdp_session(page)
    devtools.send("Network.enable")
    devtools.send("Network.emulateNetworkConditions", {"offline": False, "latency": link["latency_ms"],
                                                        "downloadThroughput": link["download"],
                                                        "uploadThroughput": link["upload"]})
    devtools.send("Emulation.setCPUThrottlingRate", {"rate": link["cpu"]})


# For each run and each kind of warm visit, a fresh Chromium profile: a cold visit of url left after
# that kind's stay, then the warm visit; lists of visits by kind ("cold" holds every cold visit).
def chromium(playwright, server: Nginx, url: str, runs: int, link: dict = None) -> dict:
    visits = {"cold": [], **{kind: [] for kind in WARM}}
    for _ in range(runs):
        for kind, stay_ms in WARM.items():
            profile = tempfile.mkdtemp()
            context = playwright.chromium.launch_persistent_context(profile, executable_path="/usr/bin/chromium", args=FLAGS)
            visits["cold"].append(visit(context, server, url, stay_ms, link))
            visits[kind].append(visit(context, server, url, 0, link))
            context.close()
            shutil.rmtree(profile, ignore_errors=True)
    return visits


# A reading page, cold: (all bytes, Pyodide's bytes).
def reading_page(playwright, server: Nginx) -> tuple:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
    page = browser.new_page()
    mark = server.mark()
    page.goto(server.url + READING, wait_until="networkidle")
    browser.close()
    return server.bytes_since(mark)


# The median of one figure over visits.
def median(visits: list, key: str) -> float:
    return statistics.median(visit[key] for visit in visits)


# The worker's phases as durations (ms) in start-up order.
def phase_line(phases: dict) -> str:
    if not phases:
        return ""
    steps = [("files", "started", "fetched"), ("snapshot read", "started", "read"), ("unpack", "read", "unpacked"),
             ("compile/instantiate", "compile_started", "compiled"), ("Python start", "compiled", "python_started"),
             ("restore", "compiled", "restored"), ("wheel", "restored", "wheel_installed"),
             ("package import", "python_started", "package_imported"), ("snapshot", "package_imported", "snapshot_made"),
             ("save handed over", "snapshot_made", "save_handed_over"), ("ready", "started", "ready")]
    parts = [f"{name} {phases[end] - phases[start]:.0f}" for name, start, end in steps
             if phases.get(start) is not None and phases.get(end) is not None]
    if phases.get("first_computation") is not None:
        parts.append(f"first computation {phases['first_computation']:.0f}")
    return "phases (ms): " + ", ".join(parts)


# Print one variant's medians and the phases of its first visit of each kind (and the snapshot saved).
def show(name: str, visits: dict) -> None:
    for kind, rows in visits.items():
        print(f"{name + ', ' + kind:32} first result {median(rows, 'result_ms') / 1000:.2f} s "
              f"(runs {', '.join(format(row['result_ms'] / 1000, '.2f') for row in rows)}) | "
              f"blocking {median(rows, 'blocking_ms'):.0f} ms | {median(rows, 'bytes') / 1e6:.2f} MB "
              f"({median(rows, 'pyodide_bytes') / 1e6:.2f} MB Pyodide)")
        if rows[0]["phases"]:
            print(f"{'':32} {phase_line(rows[0]['phases'])}")
        if rows[0]["saved"]:
            print(f"{'':32} snapshot saved: {rows[0]['saved']}")


# Add the plain embed: the calculator page with Pyodide on the main thread, started with the package's
# full standard library (stored by content hash, so cached like the site's own runtime files).
def write_baseline(site: Path) -> None:
    full = PROJECT / "node_modules" / "pyodide" / "python_stdlib.zip"
    stdlib = f"stdlib/{hashlib.sha256(full.read_bytes()).hexdigest()[:16]}/python_stdlib.zip"
    (site / "assets" / "calculators" / stdlib).parent.mkdir(parents=True)
    shutil.copyfile(full, site / "assets" / "calculators" / stdlib)
    page = (site / "calculators" / "job-retention-refund" / "index.html").read_text(encoding="utf-8")
    script = BASELINE_SCRIPT.replace("@VERSION@", pyodide_version()).replace("@FULL_STDLIB@", stdlib)
    page = page.replace('data-worker="', 'data-no-worker="').replace("</body>", script + "</body>")
    page = page.replace("script-src 'self'", f"script-src 'self' 'sha256-{_script_hash(script)}'")
    (site / "bench" / "baseline").mkdir(parents=True)
    (site / "bench" / "baseline" / "index.html").write_text(page, encoding="utf-8")
    precompress(site)


# Milliseconds from navigation to the first result on the page (page clock), and what the worker reported.
def first_result(tab, url: str, is_baseline: bool) -> dict:
    tab.goto(url)
    if is_baseline:
        tab.wait("html[data-done]", timeout_s=300)
        return {"ms": tab.evaluate("window.__embedDoneAt")}
    tab.wait("form[data-state=done]", timeout_s=300)
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
          f"warm {baseline[1]['ms'] / 1000:.2f} s | warm/plain warm {warm['ms'] / baseline[1]['ms']:.2f} "
          f"(target <= {TARGETS['warm']})")


# Every engine, on 127.0.0.1 and on the plain-HTTP intranet name (the test driver's own server, no Brotli).
def per_engine(site: Path) -> None:
    print("\nper engine (snapshot in IndexedDB); time to first result on the page clock:")
    for name in ENGINES:
        gate = Gate(site)
        engine = launch(name, gate)
        try:
            for context, root in (("127.0.0.1", gate.url), ("intranet.test", gate.intranet_url)):
                worker = cold_and_warm(engine, root + CALCULATOR, False)
                baseline = cold_and_warm(engine, f"{root}bench/baseline/", True)
                show_engine(name, context, worker, baseline)
            if name == "chromium":
                sizes = reload_memory(engine, gate.url + CALCULATOR)
                print(f"{'':9} memory (browser processes, MB) after each of ten reloads: {sizes}")
        finally:
            engine.close()
            gate.close()


# The CSP hash of an inline script element's text.
def _script_hash(element: str) -> str:
    import base64
    text = element[element.index(">") + 1:element.rindex("</script>")]
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


# The rows under one emulated link: each variant's visits, then worker/plain per kind against the targets.
def show_throttled(name: str, variants: dict, runs: int) -> None:
    link = LINKS[name]
    print(f"\nChromium, {name} ({link['download'] * 8e-6:g} Mbps down, {link['upload'] * 8e-6:g} Mbps up, "
          f"{link['latency_ms']} ms round trip, {link['cpu']} x CPU), median of {runs}:")
    for variant, visits in variants.items():
        show(f"{variant} ({name})", visits)
    worker, plain = variants["worker"], variants["plain embed"]
    for kind in worker:
        ratio = median(worker[kind], "result_ms") / median(plain[kind], "result_ms")
        target = THROTTLED_TARGETS["cold" if kind == "cold" else "warm"]
        print(f"{name}, {kind:18} worker/plain {ratio:.2f} (target <= {target})")


# Build, serve through nginx, measure the worker page, the plain embed and a reading page; print.
def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh profiles per variant and warm kind (default 3)")
    parser.add_argument("--chromium-only", action="store_true", help="skip the per-engine rows")
    parser.add_argument("--no-throttled", action="store_true", help="skip the rows under a mobile link")
    arguments = parser.parse_args(argv)
    runs = arguments.runs
    for needed in (NGINX, BROTLI):
        if not os.path.exists(needed):
            sys.exit(f"missing {needed}: run scripts/setup as root")
    site = build_site(str(PROJECT / "policy_data"), str(Path(tempfile.mkdtemp()) / "site"), str(PROJECT / "mkdocs.yml"))
    write_baseline(site)
    server = Nginx(site)
    try:
        with sync_playwright() as playwright:
            variants = {"worker": chromium(playwright, server, server.url + CALCULATOR, runs),
                        "plain embed": chromium(playwright, server, server.url + "bench/baseline/", runs)}
            reading = reading_page(playwright, server)
            throttled = {} if arguments.no_throttled else {
                name: {"worker": chromium(playwright, server, server.url + CALCULATOR, runs, link),
                       "plain embed": chromium(playwright, server, server.url + "bench/baseline/", runs, link)}
                for name, link in LINKS.items()}
    finally:
        server.stop()
    print(f"Chromium, through nginx with Brotli, median of {runs} ({len(WARM) * runs} cold):")
    for name, visits in variants.items():
        show(name, visits)
    worker, plain = variants["worker"], variants["plain embed"]
    ratio = {kind: median(worker[kind], "result_ms") / median(plain[kind], "result_ms") for kind in worker}
    first_visit = median(worker["cold"], "bytes") / 1e6
    print(f"reading page {READING}: {reading[0] / 1e6:.2f} MB, {reading[1]} Pyodide bytes (target 0)")
    for kind in WARM:
        print(f"{kind:20} worker {median(worker[kind], 'result_ms') / 1000:.2f} s, plain embed "
              f"{median(plain[kind], 'result_ms') / 1000:.2f} s: {ratio[kind]:.2f} of plain warm (target <= {TARGETS['warm']})")
    print(f"worker/plain: cold {ratio['cold']:.2f} (target <= {TARGETS['cold']}); "
          f"blocking cold {median(worker['cold'], 'blocking_ms'):.0f} ms (target <= {TARGETS['blocking_ms']}); "
          f"first calculator visit {first_visit:.2f} MB on the wire (target <= {TARGETS['first_visit_mb']})")
    for name, variants in throttled.items():
        show_throttled(name, variants, runs)
    try:
        if not arguments.chromium_only:
            per_engine(site)
    finally:
        shutil.rmtree(site.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
