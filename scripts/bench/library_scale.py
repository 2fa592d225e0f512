"""Benchmark: build time, rebuild time under serve and site bytes of libraries of generated documents (issue 22).
A library holds this document (policy_data/, with its calculators) and N - 1 copies of
tests/fixtures/other_notice/, each with its own number and title (written into its original text too, whose
recorded SHA-256 is redone; the plan titles, which every page shows, carry the run's time, so the pages are new to
the compression cache, while the runtime, scripts and styles are as cached by earlier builds). For each size: a full build as `handbook build
--library` does it, then a build as `handbook serve --library` does it (no compression, parts kept) and the rebuild
after one edit (notice-001's measure 2 gets a new English title), each in seconds of wall time and of CPU time
(this process and its workers: the machine may be busy with other work; on 2 idle cores wall ≈ CPU / 2). The
ratios are the time per document relative to the smallest size: linear growth shows as about 1.0. Prints figures
beside the targets; asserts nothing about time. After each full build: what one Chinese query downloads from the
library's split search index (the files search-index.js fetches, replayed in Python, raw and as Brotli sends them)
and, in Chromium on a throttled mobile link (9 Mbps down, 1.5 Mbps up, 150 ms round trip, 4 × CPU) through nginx with
the project's configuration, how long a query typed in the header box takes to its first suggestion, the bytes sent
for it, and when the search page opened from a link shows its first result."""
import argparse
import hashlib
import os
import shutil
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from playwright.sync_api import sync_playwright

from handbook.library import Kept, build_library
from handbook.site.compress import SMALLEST, brotli_bytes
from handbook.site.search_shards import FOLDER, query_files

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nginx_server import Nginx  # noqa: E402  (a script folder, not a package)

PROJECT = Path(__file__).resolve().parents[2]
OTHER = PROJECT / "tests" / "fixtures" / "other_notice"
NUMBER = ("松政办发〔2021〕7号", "Song Zheng Ban Fa [2021] No. 7")
TITLE = ("若干措施的通知", "measures to support rural e-commerce")
PLAN_TITLE = ("松河县支持农村电子商务发展若干措施", "Songhe County Measures to Support Rural E-commerce")  # on every page
TARGETS = {100: ("≤ 60 s", "≤ 5 s")}  # the build and rebuild targets; other sizes show the trend
EDITED = ("notice-001/measures/02.yaml", "Improve cold-chain logistics for farm products", "farm products", "farm produce")
ADDRESS = "http://127.0.0.1:8000/"  # the address serve builds for
QUERY = ("电商公共服务中心", 25)  # a phrase of every generated document, as the search page asks for it (its 25 best)
QUERY_TARGETS = (300_000, 1.0)  # bytes one query may download and seconds to its first result, at 500 documents
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
MOBILE = {"offline": False, "latency": 150, "downloadThroughput": 9_000_000 / 8, "uploadThroughput": 1_500_000 / 8}
CPU_SLOWDOWN = 4


# Write a library of count documents into root: policy_data/ and count - 1 renumbered copies of the other notice.
# run, if given, goes into the copies' plan titles, so that their pages are new to the compression cache.
def make_library(root: Path, count: int, run: str = "") -> Path:
    shutil.copytree(PROJECT / "policy_data", root / "taizhuang", ignore=shutil.ignore_patterns("schema"))
    for index in range(1, count):
        folder = root / f"notice-{index:03d}"
        shutil.copytree(OTHER, folder)
        _renumber(folder, 100 + index, run)
    return root


# Give one copy its own number and title in every file that states them, and record its original's new SHA-256.
def _renumber(folder: Path, number: int, run: str = "") -> None:
    original = folder / "original.txt"
    old_digest = hashlib.sha256(original.read_bytes()).hexdigest()
    replacements = {NUMBER[0]: f"松政办发〔2021〕{number}号", NUMBER[1]: f"Song Zheng Ban Fa [2021] No. {number}",
                    TITLE[0]: f"若干措施（第{number}号）的通知", TITLE[1]: f"{TITLE[1]} (no. {number})",
                    PLAN_TITLE[0]: PLAN_TITLE[0] + run, PLAN_TITLE[1]: PLAN_TITLE[1] + run}
    for path in [original] + sorted(folder.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        for old, new in replacements.items():
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    document = folder / "document.yaml"
    new_digest = hashlib.sha256(original.read_bytes()).hexdigest()
    document.write_text(document.read_text(encoding="utf-8").replace(old_digest, new_digest), encoding="utf-8")


# Bytes and files of a built site: all, and without the precompressed copies.
def site_bytes(site: Path) -> tuple:
    files = [path for path in site.rglob("*") if path.is_file()]
    plain = [path for path in files if path.suffix not in (".gz", ".br")]
    return sum(path.stat().st_size for path in files), sum(path.stat().st_size for path in plain), len(files)


# What one Chinese query downloads from a built library's index (the files search-index.js would fetch, replayed in
# Python: manifest, shards, fragments), raw and in Brotli, beside the whole index: the lines to print.
def query_bytes(site: Path, query: str = QUERY[0], limit: int = QUERY[1]) -> list:
    files, shown = query_files(site, query, limit)
    index = [site / "search-index.json"] + sorted((site / FOLDER).rglob("*.json"))
    fetched = {kind: [path for path in files if _kind(site, path) == kind] for kind in ("manifest", "shards", "pages")}
    lines = [f"query {query!r} ({limit} best, {len(shown)} shown): {len(files)} of {len(index)} index files"]
    lines += [f"  {kind:9s} {len(paths):5d} files  {_raw(paths):11,d} B raw  {_brotli(paths):9,d} B Brotli"
              for kind, paths in fetched.items()]
    lines.append(f"  {'query':9s} {len(files):5d} files  {_raw(files):11,d} B raw  {_brotli(files):9,d} B Brotli  "
                 f"(target ≤ {QUERY_TARGETS[0]:,d} B at 500 documents)")
    lines.append(f"  {'index':9s} {len(index):5d} files  {_raw(index):11,d} B raw  {_brotli(index):9,d} B Brotli")
    return lines


# Which part of the index a file is: the manifest, a shard or a fragment of pages.
def _kind(site: Path, path: Path) -> str:
    return "manifest" if path.parent == site else path.parent.name


# The files' bytes as they are.
def _raw(paths: list) -> int:
    return sum(path.stat().st_size for path in paths)


# The files' bytes as the server sends them: the precompressed .br copy where the build writes one (a file of at
# least SMALLEST bytes that Brotli makes smaller), else the file.
def _brotli(paths: list) -> int:
    return sum(_sent(path.stat().st_size, path) for path in paths)


# One file's bytes as sent: its Brotli form's if the build would precompress it, else its own.
def _sent(size: int, path: Path) -> int:
    return min(size, len(brotli_bytes(path.read_bytes()))) if size >= SMALLEST else size


# A query on a throttled mobile link (Chromium, the site behind nginx with the project's configuration, a fresh
# context): seconds from the reader typing it in the header box of the loaded library home to the first suggestion,
# the bytes nginx sent for it, and seconds from opening the search page's link for it to its first result.
def query_on_a_phone(site: Path, query: str = QUERY[0]) -> dict:
    server = Nginx(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = throttled_page(browser)
            page.goto(server.url, wait_until="networkidle")
            page.wait_for_selector("form.hb-header-search[data-ready]")
            mark, started = server.mark(), time.perf_counter()
            page.fill("#hb-header-q", query)
            page.wait_for_selector(".hb-suggest:not([hidden]) [role=option]", timeout=120_000)
            typed = time.perf_counter() - started
            sent = server.bytes_since(mark)[0]
            page = throttled_page(browser)
            page.goto(f"{server.url}search/?q={query}", wait_until="commit")
            page.wait_for_selector("#hb-search-results li a", timeout=120_000)
            linked = page.evaluate("performance.now()") / 1000
            browser.close()
            return {"typed": typed, "sent": sent, "linked": linked}
    finally:
        server.stop()


# A tab of a fresh context at a phone's width, its network and CPU throttled to a mobile link.
def throttled_page(browser):
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", MOBILE)
    session.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    return page


# Seconds of wall time and of CPU time (this process's and its finished workers') that a call takes.
def timed(call) -> tuple:
    wall, cpu = time.perf_counter(), sum(os.times()[:4])
    call()
    return time.perf_counter() - wall, sum(os.times()[:4]) - cpu


# A full build, then a build as serve makes it and the rebuild after one edit, of a library of count documents:
# {"build", "rebuild": (wall, CPU seconds), "pages", "bytes", "plain", "files"}.
def measure(count: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix="library-scale-"))
    try:
        library = make_library(work / "library", count, f" {time.time_ns()}")
        figures = {"build": timed(lambda: build_library(str(library), str(work / "site"), str(PROJECT / "mkdocs.yml")))}
        figures["bytes"], figures["plain"], figures["files"] = site_bytes(work / "site")
        figures["pages"] = len(list((work / "site").rglob("*.html")))
        phone = query_on_a_phone(work / "site")
        figures["query"] = query_bytes(work / "site") + [
            f"  on a phone's mobile link (Chromium, nginx): typed in the header box, first suggestion in {phone['typed']:.2f} s "
            f"(target ≤ {QUERY_TARGETS[1]:.0f} s at 500 documents), {phone['sent']:,d} B sent; "
            f"the search page opened from its link shows its first result at {phone['linked']:.2f} s"]
        (work / "kept").mkdir()
        serve_build = partial(build_library, str(library), str(work / "served"), str(PROJECT / "mkdocs.yml"),
                              compress=False, site_url=ADDRESS, kept=Kept(work / "kept"))
        serve_build()
        path, context, old, new = EDITED
        measure_file = library / path
        measure_file.write_text(measure_file.read_text(encoding="utf-8").replace(context, context.replace(old, new)),
                                encoding="utf-8")
        figures["rebuild"] = timed(serve_build)
        return figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


# Build each library size once, smallest first, and print its figures as they come.
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 500])
    args = parser.parse_args()
    print("documents  build s (CPU s)  ratio  target  rebuild s (CPU s)  ratio  target  pages  "
          "site bytes (with .gz/.br)  without  files")
    first = None
    for count in sorted(args.sizes):
        figures = measure(count)
        first = first or (count, figures)
        ratios = [(figures[key][0] / count) / (first[1][key][0] / first[0]) for key in ("build", "rebuild")]
        targets = TARGETS.get(count, ("", ""))
        print(f"{count:9d}  {figures['build'][0]:7.1f} ({figures['build'][1]:6.1f})  {ratios[0]:5.2f}  {targets[0]:6s}  "
              f"{figures['rebuild'][0]:9.1f} ({figures['rebuild'][1]:6.1f})  {ratios[1]:5.2f}  {targets[1]:6s}  "
              f"{figures['pages']:5d}  {figures['bytes']:25,d}  {figures['plain']:7,d}  {figures['files']:5d}")
        print("\n".join(figures["query"]), flush=True)


if __name__ == "__main__":
    main()
