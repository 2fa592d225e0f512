"""Precompress the built site: a .gz (gzip 9) and a .br (Brotli 11 for the runtime, scripts and styles, 10 for
pages and data) beside every compressible file.

A server with gzip_static / brotli_static then sends them as they are, at no cost per request.
Compressed forms are kept by content hash in .cache/precompressed/, so a file already seen in an
earlier build (the Pyodide runtime, Material's assets, an unchanged page) costs only a copy.
"""
import fcntl
import gzip
import hashlib
import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import brotli

from .wheel import PROJECT, runtime_files

COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".ics", ".wasm"}
# Archives are left out (their members are deflated already) except the site's trimmed standard
# library, whose members are stored uncompressed so that Brotli compresses them together.
COMPRESSIBLE_NAMES = {"python_stdlib.zip"}
SMALLEST = 1024
# Files that change only with a version of the runtime, the theme or the site's code: compressed once and cached, so
# at Brotli's highest quality. Pages and data change with every edit and a library has thousands: quality 10 makes
# them about 2 % larger than 11 in 40 % of the time (measured on a library's pages, search indexes and exports).
STATIC = {".js", ".mjs", ".css", ".wasm"}
CACHE = PROJECT / ".cache" / "precompressed"
CACHE_LIMIT = 200 * 2**20


# The gzip form: level 9, no timestamp or file name, so the bytes depend on the content only.
def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


# The Brotli form: at the highest quality for a static file, at 10 for a page or data.
def brotli_bytes(data: bytes, static: bool = True) -> bytes:
    return brotli.compress(data, quality=11 if static else 10)


ENCODINGS = (".gz", ".br")


# A file's content in every encoding, by suffix.
def encoded(path: Path, data: bytes) -> dict:
    static = path.suffix in STATIC or path.name in COMPRESSIBLE_NAMES
    return {".gz": gzip_bytes(data), ".br": brotli_bytes(data, static)}


# Write file.gz and file.br beside every compressible file of site that they make smaller.
def precompress(site: Path, cache: Path = CACHE) -> None:
    digests = _digests(sorted(path for path in site.rglob("*") if path.is_file()))
    _fill_cache(cache, digests)
    for path, digest in digests.items():
        _place(cache, path, digest)
    _prune(cache, set(digests.values()))


# Compress the runtime into the cache ahead of the builds that copy it (half a minute of one core at Brotli's highest
# quality), so that those builds only copy its forms.
def warm_runtime(cache: Path = CACHE) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        _fill_cache(cache, _digests(runtime_files(Path(scratch))))


# The files worth compressing among paths (of a compressible kind and size), in their order, each with its content's
# hex SHA-256.
def _digests(paths) -> dict:
    return {path: _sha256(path) for path in paths
            if (path.suffix in COMPRESSIBLE or path.name in COMPRESSIBLE_NAMES) and path.stat().st_size >= SMALLEST}


# The hex SHA-256 of a file's content.
def _sha256(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


# Compress every content not yet in the cache, largest first, one process per core.
def _fill_cache(cache: Path, digests: dict) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    missing = {digest: path for path, digest in digests.items()
               if not all((cache / f"{digest}{suffix}").is_file() for suffix in ENCODINGS)}
    if not missing:
        return
    largest_first = sorted(missing, key=lambda digest: -missing[digest].stat().st_size)
    paths = [missing[digest] for digest in largest_first]
    workers = min(os.cpu_count() or 1, len(paths))
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        list(pool.map(_compress_into_cache, [cache] * len(paths), largest_first, paths))


# Compress one file in every encoding into the cache, each entry written atomically. The content's lock file is held
# meanwhile, so a build running at the same time (another test worker, a second `handbook build`) that needs the same
# content waits for these entries instead of compressing it again (the runtime's wasm takes half a minute at Brotli 11).
def _compress_into_cache(cache: Path, digest: str, path: Path) -> None:
    lock_path = cache / f".{digest}.lock"
    with lock_path.open("wb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not all((cache / f"{digest}{suffix}").is_file() for suffix in ENCODINGS):
            for suffix, form in encoded(path, path.read_bytes()).items():
                handle, temporary = tempfile.mkstemp(dir=cache, prefix=f".{digest}")
                with os.fdopen(handle, "wb") as file:
                    file.write(form)
                os.replace(temporary, cache / f"{digest}{suffix}")
        lock_path.unlink(missing_ok=True)


# Copy a file's cached forms beside it, if smaller than the file; mark them as recently used.
def _place(cache: Path, path: Path, digest: str) -> None:
    for suffix in ENCODINGS:
        cached = cache / f"{digest}{suffix}"
        os.utime(cached)
        if cached.stat().st_size < path.stat().st_size:
            shutil.copyfile(cached, path.with_name(path.name + suffix))


# Delete the least recently used cache entries beyond CACHE_LIMIT bytes, never one of this build's (used: their
# digests; a library's build alone may exceed the limit, and must not evict the runtime's forms it just used); other
# builds' files being written (dot-files) are never touched, and entries another build removed meanwhile are skipped.
def _prune(cache: Path, used: set) -> None:
    entries = []
    for entry in cache.iterdir():
        try:
            entries.append((entry.stem in used, entry.stat().st_mtime, entry.stat().st_size, entry))
        except FileNotFoundError:
            continue
    kept = 0
    for in_use, _, size, entry in sorted((item for item in entries if not item[3].name.startswith(".")), reverse=True):
        kept += size
        if kept > CACHE_LIMIT and not in_use:
            entry.unlink(missing_ok=True)
