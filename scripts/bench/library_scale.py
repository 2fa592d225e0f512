"""Benchmark: build time and site bytes of libraries of generated documents (issue 22). A library holds this
document (policy_data/, with its calculators) and N - 1 copies of tests/fixtures/other_notice/, each with its own
number and title (written into its original text too, whose recorded SHA-256 is redone). Prints figures beside the
targets; asserts nothing about time."""
import argparse
import hashlib
import shutil
import tempfile
import time
from pathlib import Path

from handbook.library import build_library

PROJECT = Path(__file__).resolve().parents[2]
OTHER = PROJECT / "tests" / "fixtures" / "other_notice"
NUMBER = ("松政办发〔2021〕7号", "Song Zheng Ban Fa [2021] No. 7")
TITLE = ("若干措施的通知", "measures to support rural e-commerce")
TARGETS = {100: "≤ 60 s"}  # the build-time target; the other sizes are measured for the trend


# Write a library of count documents into root: policy_data/ and count - 1 renumbered copies of the other notice.
# run, if given, goes into the copies' titles, so that their pages are new to the compression cache.
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
                    TITLE[0]: f"若干措施（第{number}号{run}）的通知", TITLE[1]: f"{TITLE[1]} (no. {number}{run})"}
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


# Build each library size once and print its figures.
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100])
    args = parser.parse_args()
    print("documents  build (s)  per document (s)  site bytes (with .gz/.br)  without  files  target")
    for count in args.sizes:
        work = Path(tempfile.mkdtemp(prefix="library-scale-"))
        try:
            library = make_library(work / "library", count)
            started = time.perf_counter()
            site = build_library(str(library), str(work / "site"), str(PROJECT / "mkdocs.yml"))
            seconds = time.perf_counter() - started
            total, plain, files = site_bytes(site)
            print(f"{count:9d}  {seconds:9.1f}  {seconds / count:16.2f}  {total:25,d}  {plain:7,d}  {files:5d}  "
                  f"{TARGETS.get(count, '')}", flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
