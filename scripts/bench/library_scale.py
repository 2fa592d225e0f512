"""Benchmark: build time, rebuild time under serve and site bytes of libraries of generated documents (issue 22).
A library holds this document (policy_data/, with its calculators) and N - 1 copies of
tests/fixtures/other_notice/, each with its own number and title (written into its original text too, whose
recorded SHA-256 is redone; the plan titles, which every page shows, carry the run's time, so the pages are new to
the compression cache, while the runtime, scripts and styles are as cached by earlier builds). For each size: a full build as `handbook build
--library` does it, then a build as `handbook serve --library` does it (no compression, parts kept) and the rebuild
after one edit (notice-001's measure 2 gets a new English title), each in seconds of wall time and of CPU time
(this process and its workers: the machine may be busy with other work; on 2 idle cores wall ≈ CPU / 2). The
ratios are the time per document relative to the smallest size: linear growth shows as about 1.0. Prints figures
beside the targets; asserts nothing about time."""
import argparse
import hashlib
import os
import shutil
import tempfile
import time
from functools import partial
from pathlib import Path

from handbook.library import Kept, build_library

PROJECT = Path(__file__).resolve().parents[2]
OTHER = PROJECT / "tests" / "fixtures" / "other_notice"
NUMBER = ("松政办发〔2021〕7号", "Song Zheng Ban Fa [2021] No. 7")
TITLE = ("若干措施的通知", "measures to support rural e-commerce")
PLAN_TITLE = ("松河县支持农村电子商务发展若干措施", "Songhe County Measures to Support Rural E-commerce")  # on every page
TARGETS = {100: ("≤ 60 s", "≤ 5 s")}  # the build and rebuild targets; other sizes show the trend
EDITED = ("notice-001/measures/02.yaml", "Improve cold-chain logistics for farm products", "farm products", "farm produce")
ADDRESS = "http://127.0.0.1:8000/"  # the address serve builds for


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
              f"{figures['pages']:5d}  {figures['bytes']:25,d}  {figures['plain']:7,d}  {figures['files']:5d}", flush=True)


if __name__ == "__main__":
    main()
