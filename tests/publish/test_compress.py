"""Precompression: a .gz and a .br beside every compressible file that they shrink, byte-reproducible,
the same from the content-hash cache as computed afresh."""
import gzip
import hashlib
import os
import shutil
import subprocess
import sys
import threading

import brotli
import pytest

from handbook.site.wheel import pyodide_version

from handbook.site import compress
from handbook.site.compress import COMPRESSIBLE, SMALLEST, precompress

DECODERS = {".gz": gzip.decompress, ".br": brotli.decompress}
# Another build's part: take a content's lock, say so, and hold it until ended.
HOLD_LOCK = "import fcntl, sys, time; lock = open(sys.argv[1], 'wb'); fcntl.flock(lock, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(600)"


# Every file of the built site that precompression must have handled.
def compressible(site):
    return [path for path in site.rglob("*") if path.suffix in COMPRESSIBLE and path.is_file()
            and path.stat().st_size >= SMALLEST]


def test_every_compressible_file_has_smaller_forms_that_decode_to_it(published_site):
    files = compressible(published_site)
    assert len(files) > 200
    for path in files:
        original = path.read_bytes()
        for suffix, decode in DECODERS.items():
            packed = path.with_name(path.name + suffix)
            assert packed.is_file(), packed
            assert packed.stat().st_size < len(original)
            assert decode(packed.read_bytes()) == original


@pytest.mark.parametrize("file", ["en/measures/05/index.html", f"assets/calculators/pyodide/{pyodide_version()}/pyodide.asm.wasm",
                                  f"assets/calculators/pyodide/{pyodide_version()}/pyodide.asm.mjs", "search-index.json",
                                  "assets/calculators/stdlib/*/python_stdlib.zip"])
def test_the_large_files_are_precompressed(published_site, file):
    path = next(published_site.glob(file))
    assert path.with_name(f"{path.name}.br").is_file() and path.with_name(f"{path.name}.gz").is_file()


def test_small_and_already_compressed_files_are_left_alone(published_site):
    small = [path for path in published_site.rglob("*") if path.suffix in COMPRESSIBLE and path.stat().st_size < SMALLEST]
    zipped = list(published_site.rglob("*.whl"))
    assert small and zipped
    for path in small + zipped:
        assert not path.with_name(path.name + ".br").exists()


def test_gzip_forms_carry_no_timestamp(published_site):
    header = (published_site / "index.html.gz").read_bytes()[:10]
    assert header[4:8] == b"\0\0\0\0"


# A small site: a page, a script, a file that does not shrink, a tiny file and an archive.
@pytest.fixture
def small_site(tmp_path, built_site):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    shutil.copyfile(built_site / "en/measures/05/index.html", site / "index.html")
    shutil.copyfile(next(built_site.glob("assets/javascripts/bundle.*.min.js")), site / "assets" / "bundle.js")
    (site / "assets" / "noise.json").write_bytes(os.urandom(4096))
    (site / "tiny.css").write_text("body{margin:0}", encoding="utf-8")
    (site / "assets" / "archive.zip").write_bytes(b"PK" + b"\0" * 4096)
    return site


# Every file of a folder with its bytes.
def contents(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_what_is_written(small_site, tmp_path):
    precompress(small_site, tmp_path / "cache")
    written = sorted(path for path in contents(small_site) if path.endswith((".gz", ".br")))
    assert written == ["assets/bundle.js.br", "assets/bundle.js.gz", "index.html.br", "index.html.gz"]


def test_cache_is_keyed_by_content_hash(small_site, tmp_path):
    cache = tmp_path / "cache"
    precompress(small_site, cache)
    digest = hashlib.sha256((small_site / "index.html").read_bytes()).hexdigest()
    assert (cache / f"{digest}.br").read_bytes() == (small_site / "index.html.br").read_bytes()
    assert (cache / f"{digest}.gz").read_bytes() == (small_site / "index.html.gz").read_bytes()


def test_cached_and_fresh_results_are_byte_identical(small_site, tmp_path):
    copies = [tmp_path / name for name in ("cold", "warm", "other-cache")]
    for copy in copies:
        shutil.copytree(small_site, copy)
    precompress(copies[0], tmp_path / "cache")
    precompress(copies[1], tmp_path / "cache")
    precompress(copies[2], tmp_path / "cache-2")
    assert contents(copies[0]) == contents(copies[1]) == contents(copies[2])


def test_a_warm_cache_is_used_instead_of_compressing(small_site, tmp_path, monkeypatch):
    precompress(small_site, tmp_path / "cache")
    again = tmp_path / "again"
    shutil.copytree(small_site, again, ignore=shutil.ignore_patterns("*.gz", "*.br"))
    monkeypatch.setattr(compress, "encoded", _never)
    precompress(again, tmp_path / "cache")
    assert contents(again) == contents(small_site)


# A compressor that must not be called.
def _never(path, data):
    raise AssertionError("compressed although the cache had the result")


# Two builds at once: another process holds a page's lock while it compresses it; this build waits, then takes that
# page's entries from the cache instead of compressing it too.
def test_a_build_waits_for_another_compressing_the_same_content(small_site, tmp_path, monkeypatch):
    cache, page = tmp_path / "cache", (small_site / "index.html").read_bytes()
    cache.mkdir()
    digest, encode = hashlib.sha256(page).hexdigest(), compress.encoded
    monkeypatch.setattr(compress, "encoded", _refusing(page, encode))
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(cache / f".{digest}.lock")],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "locked\n"
    waiting = threading.Thread(target=precompress, args=(small_site, cache))
    waiting.start()
    waiting.join(timeout=2)
    assert waiting.is_alive()
    for suffix, form in encode(small_site / "index.html", page).items():
        (cache / f"{digest}{suffix}").write_bytes(form)
    holder.kill()  # its lock goes with it (a pipe to say "done" would stay open in the forked compressors)
    holder.wait(timeout=10)
    waiting.join(timeout=60)
    assert not waiting.is_alive()
    assert brotli.decompress((small_site / "index.html.br").read_bytes()) == page


# A compressor that must not be given one content (another build is compressing it).
def _refusing(content: bytes, encode):
    def encoded(path, data):
        assert data != content, "compressed although another build was compressing it"
        return encode(path, data)
    return encoded


def test_the_least_recently_used_entries_go_beyond_the_limit(small_site, tmp_path, monkeypatch):
    fresh = tmp_path / "fresh"
    precompress(small_site, fresh)
    cache = tmp_path / "cache"
    cache.mkdir()
    old = cache / ("0" * 64 + ".br")
    old.write_bytes(b"x" * 1000)
    os.utime(old, (0, 0))
    monkeypatch.setattr(compress, "CACHE_LIMIT", sum(entry.stat().st_size for entry in fresh.iterdir()))
    precompress(small_site, cache)
    assert sorted(entry.name for entry in cache.iterdir()) == sorted(entry.name for entry in fresh.iterdir())


# A library's build alone may exceed the limit: the entries it used stay (the runtime's among them).
def test_the_entries_a_build_used_stay_beyond_the_limit(small_site, tmp_path, monkeypatch):
    monkeypatch.setattr(compress, "CACHE_LIMIT", 0)
    precompress(small_site, tmp_path / "cache")
    digest = hashlib.sha256((small_site / "index.html").read_bytes()).hexdigest()
    assert (tmp_path / "cache" / f"{digest}.br").is_file() and (tmp_path / "cache" / f"{digest}.gz").is_file()
