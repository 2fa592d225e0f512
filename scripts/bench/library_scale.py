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
from handbook.site.compress import SMALLEST, brotli_bytes
from handbook.site.search_shards import FOLDER, query_files

PROJECT = Path(__file__).resolve().parents[2]
OTHER = PROJECT / "tests" / "fixtures" / "other_notice"
NUMBER = ("松政办发〔2021〕7号", "Song Zheng Ban Fa [2021] No. 7")
TITLE = ("若干措施的通知", "measures to support rural e-commerce")
TARGETS = {100: "≤ 60 s"}  # the build-time target; the other sizes are measured for the trend
QUERY = ("电商公共服务中心", 25)  # a phrase of every generated document, as the search page asks for it (its 25 best)
QUERY_TARGET = 300_000  # bytes one query may download from the index at 500 documents


# Write a library of count documents into root: policy_data/ and count - 1 renumbered copies of the other notice.
def make_library(root: Path, count: int) -> Path:
    shutil.copytree(PROJECT / "policy_data", root / "taizhuang", ignore=shutil.ignore_patterns("schema"))
    for index in range(1, count):
        folder = root / f"notice-{index:03d}"
        shutil.copytree(OTHER, folder)
        _renumber(folder, 100 + index)
    return root


# Give one copy its own number and title in every file that states them, and record its original's new SHA-256.
def _renumber(folder: Path, number: int) -> None:
    original = folder / "original.txt"
    old_digest = hashlib.sha256(original.read_bytes()).hexdigest()
    replacements = {NUMBER[0]: f"松政办发〔2021〕{number}号", NUMBER[1]: f"Song Zheng Ban Fa [2021] No. {number}",
                    TITLE[0]: f"若干措施（第{number}号）的通知", TITLE[1]: f"{TITLE[1]} (no. {number})"}
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


# Print what one Chinese query downloads from a built library's index (the files search-index.js would fetch,
# replayed in Python: manifest, shards, fragments), raw and in Brotli, beside the whole index.
def print_query_bytes(site: Path, query: str = QUERY[0], limit: int = QUERY[1]) -> None:
    files, shown = query_files(site, query, limit)
    index = [site / "search-index.json"] + sorted((site / FOLDER).rglob("*.json"))
    fetched = {kind: [path for path in files if _kind(site, path) == kind] for kind in ("manifest", "shards", "pages")}
    print(f"query {query!r} ({limit} best, {len(shown)} shown): {len(files)} of {len(index)} index files")
    for kind, paths in fetched.items():
        print(f"  {kind:9s} {len(paths):5d} files  {_raw(paths):11,d} B raw  {_brotli(paths):9,d} B Brotli")
    print(f"  {'query':9s} {len(files):5d} files  {_raw(files):11,d} B raw  {_brotli(files):9,d} B Brotli  "
          f"(target ≤ {QUERY_TARGET:,d} B at 500 documents)")
    print(f"  {'index':9s} {len(index):5d} files  {_raw(index):11,d} B raw  {_brotli(index):9,d} B Brotli")


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
            print_query_bytes(site)
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
