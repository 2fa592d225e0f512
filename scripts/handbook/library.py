"""`handbook validate|build|serve --library DIR`: every subfolder of DIR is a document folder; one site holds them
all. Each document is built by the per-document build (the handbook MkDocs plugin, both languages) under
/<folder>/ and /en/<folder>/, all documents and the library's home side by side in processes, then assembled
into a fresh folder that is swapped in atomically."""
import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .build import CONFIG_FILE, LANGUAGES, BuildFailed, build_language, swap_in
from .data.errors import DataInvalid
from .data.languages import language_folder
from .data.library import Library, load_library
from .site.compress import precompress
from .site.library import (library_home, library_members, merge_search_indexes, share_runtime,
                           write_library_data)
from .site.plugin import build_date
from .site.wheel import add_calculator_assets


# Build the library in root into out; on failure leave out untouched. site_url replaces the library's address
# (its site.yaml, e.g. for a local preview); without either the site links relatively and states no address.
def build_library(root: str, out: str = "site", config_file: str = str(CONFIG_FILE), compress: bool = True,
                  site_url: str = None, library: Library = None) -> Path:
    try:
        library = library or load_library(root)
    except DataInvalid as invalid:
        raise BuildFailed(str(invalid)) from None
    target = Path(out).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    parts = Path(tempfile.mkdtemp(prefix=f".{target.name}.parts-", dir=target.parent))
    try:
        _build_parts(library, parts, config_file, site_url or library.site.get("address"))
        _assemble(library, parts, staging)
        if compress:
            precompress(staging)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(exc)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(parts, ignore_errors=True)
    swap_in(staging, target)
    return target


# Every document in every language, and the home in every language, each a strict MkDocs build of its own
# into parts/<folder>-<language> (parts/-home-<language> for the home), in as many processes as there are cores.
def _build_parts(library: Library, parts: Path, config_file: str, site_url: str) -> None:
    members = library_members(library, site_url)
    home = library_home(library, build_date(), site_url)
    jobs = [(dataset, language, str(parts / f"{folder}-{language}"), members[folder])
            for folder, dataset in library.documents.items() for language in LANGUAGES]
    first = next(iter(library.documents.values()))  # the home reads no document; MkDocs' config still names one
    jobs += [(first, language, str(parts / f"-home-{language}"), home) for language in LANGUAGES]
    with ProcessPoolExecutor(min(len(jobs), os.cpu_count() or 1), mp_context=multiprocessing.get_context("fork")) as pool:
        failures = [failure for failure in pool.map(
            build_language, *zip(*[(dataset, language, site_dir, config_file, site_url, part)
                                   for dataset, language, site_dir, part in jobs])) if failure]
    if failures:
        raise BuildFailed("\n".join(failures))


# Put the parts in place: the home at the root (English at en/), each document at <folder>/ and en/<folder>/ with
# its calculator assets (their runtime shared) and the theme's assets once per language, then one search index per language and the library's open data.
def _assemble(library: Library, parts: Path, staging: Path) -> None:
    for language in LANGUAGES:
        home = staging / language_folder(language)
        home.mkdir(parents=True, exist_ok=True)
        for entry in (parts / f"-home-{language}").iterdir():
            entry.rename(home / entry.name)
    for folder, dataset in library.documents.items():
        for language in LANGUAGES:
            (parts / f"{folder}-{language}").rename(staging / language_folder(language) / folder)
        add_calculator_assets(staging / folder, dataset)
        share_runtime(staging, folder)
    merge_search_indexes(staging, library)
    write_library_data(staging, library)


# Validate every document of the library; print OK with each document's counts, or raise DataInvalid with
# every error of every document (files named from the library folder).
def validate_library(root: str, counts) -> int:
    library = load_library(root)
    print(f"OK: {len(library.documents)} documents")
    for folder, dataset in library.documents.items():
        print(f"{folder}: " + ", ".join(f"{count} {name}" for name, count in counts(dataset).items()))
    return 0
