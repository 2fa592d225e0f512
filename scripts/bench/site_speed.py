"""Benchmark: full build time, rebuild time after one YAML edit under `handbook serve`, site size,
and first contentful paint of a measure page in headless Chromium."""
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from handbook.build import build_site

PROJECT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT))
from tests.conftest import free_port, serve_folder  # noqa: E402  (the project's test helpers)

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


# Seconds for one full build of both languages.
def full_build(out: Path) -> float:
    started = time.perf_counter()
    build_site(str(PROJECT / "policy_data"), str(out), str(PROJECT / "mkdocs.yml"))
    return time.perf_counter() - started


# Total bytes and file count of the built site, and the bytes without the Pyodide runtime.
def site_size(site: Path) -> tuple:
    files = [path for path in site.rglob("*") if path.is_file()]
    total = sum(path.stat().st_size for path in files)
    pyodide = sum(path.stat().st_size for path in files if "pyodide" in path.parts)
    return total, len(files), total - pyodide


# Seconds from saving one YAML edit to `handbook serve` reporting the rebuilt site.
def rebuild_under_serve() -> float:
    work = Path(tempfile.mkdtemp())
    data = work / "policy_data"
    shutil.copytree(PROJECT / "policy_data", data)
    command = [str(Path(sys.executable).parent / "handbook"), "serve", "--data", str(data),
               "--out", str(work / "site"), "--port", str(free_port())]
    server = subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_for(server, "serving")
        measure = data / "measures" / "05.yaml"
        measure.write_text(measure.read_text(encoding="utf-8").replace("Increase job-retention refunds",
                                                                       "Increase job-retention refunds (edited)"),
                           encoding="utf-8")
        saved = time.perf_counter()
        _wait_for(server, "built in")
        return time.perf_counter() - saved
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


# Read the server's output until a line contains text.
def _wait_for(process, text: str) -> str:
    for line in process.stdout:
        if text in line:
            return line
    raise RuntimeError(f"`handbook serve` stopped before printing '{text}'")


# First contentful paint of a measure page, median of five cold loads, in milliseconds.
def first_contentful_paint(site: Path) -> float:
    from playwright.sync_api import sync_playwright
    server, url = serve_folder(site)
    paints = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
        for _ in range(5):
            context = browser.new_context()
            page = context.new_page()
            page.goto(url + "measures/05/", wait_until="load")
            paints.append(page.evaluate(
                "performance.getEntriesByName('first-contentful-paint')[0].startTime"))
            context.close()
        browser.close()
    server.shutdown()
    return sorted(paints)[len(paints) // 2]


# Print every figure with its target.
def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    out = Path(tempfile.mkdtemp()) / "site"
    full_build(out)
    build_seconds = min(full_build(out) for _ in range(3))
    total, count, without_pyodide = site_size(out)
    print(f"full build (both languages): {build_seconds:.2f} s (target <= 3 s)")
    print(f"rebuild after one YAML edit under handbook serve: {rebuild_under_serve():.2f} s (target <= 1.5 s)")
    print(f"site size: {total / 1e6:.1f} MB in {count} files; {without_pyodide / 1e6:.1f} MB without the Pyodide runtime")
    print(f"first contentful paint, measure page: {first_contentful_paint(out):.0f} ms (target <= 300 ms)")


if __name__ == "__main__":
    main()
