"""`handbook validate|build|serve --library DIR`: every subfolder of DIR is a document folder; one site holds them
all. Each document is built by the per-document build (the handbook MkDocs plugin, both languages) under
/<folder>/ and /en/<folder>/, all documents and the library's home side by side in processes, each into a part of
its own; the parts are then linked into a fresh folder that is swapped in atomically. Under serve the parts are
kept between builds, each with the fingerprint of what it was built from, so a rebuild after an edit builds only
the parts whose inputs changed (the edited document's, or every document's when numbers or citations changed)."""
import hashlib
import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .build import CONFIG_FILE, LANGUAGES, BuildFailed, build_language, swap_in
from .data.dataset import Dataset, load_dataset
from .data.errors import DataInvalid
from .data.languages import language_folder
from .data.library import Library, load_library
from .site.compress import precompress
from .site.library import library_home, library_members, merge_search_indexes, share_runtime, write_library_data
from .site.plugin import build_date
from .site.wheel import PROJECT, add_calculator_assets, link_or_copy

HOME = ".home"  # the home's part (a document folder never starts with a dot)
BUILDING = ".building"  # where parts are built before they replace the kept ones
FINGERPRINTS = ".fingerprints"
SHARED_INPUTS = ("docs", "calculators", "scripts/handbook")  # what every part is built from, besides its own data


@dataclass
class Kept:
    """What a library's builds under serve keep for the next one: each document's data as read, by folder, with the
    stamp of its files, and a folder of built parts, each with the fingerprint of what it was built from."""

    folder: Path
    loaded: dict = field(default_factory=dict)  # {document folder: (stamp, Dataset)}

    # A document folder's data: as read before if none of its files changed since, else read afresh.
    def load(self, folder: Path) -> Dataset:
        stamp = files_stamp(folder)
        if self.loaded.get(folder, (None,))[0] != stamp:
            self.loaded[folder] = (stamp, load_dataset(folder))
        return self.loaded[folder][1]


# Build the library in root into out; on failure leave out untouched. site_url replaces the library's address
# (its site.yaml, e.g. for a local preview); without either the site links relatively and states no address.
# kept (under serve) keeps the data read and the parts built for the next build; without it all is built afresh.
def build_library(root: str, out: str = "site", config_file: str = str(CONFIG_FILE), compress: bool = True,
                  site_url: str = None, library: Library = None, kept: Kept = None) -> Path:
    try:
        library = library or load_library(root, kept.load if kept else load_dataset)
    except DataInvalid as invalid:
        raise BuildFailed(str(invalid)) from None
    target = Path(out).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    parts = kept.folder if kept else Path(tempfile.mkdtemp(prefix=f".{target.name}.parts-", dir=target.parent))
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
        if not kept:
            shutil.rmtree(parts, ignore_errors=True)
    swap_in(staging, target)
    return target


# Build into parts every part whose fingerprint is not the one kept there: each document (both languages, with its
# calculator assets; the largest first) and the home (both languages), each language a strict MkDocs build of its
# own, in as many processes as there are cores; then forget the parts of documents no longer in the library.
def _build_parts(library: Library, parts: Path, config_file: str, site_url: str) -> None:
    members = library_members(library, site_url)
    home = library_home(library, build_date(), site_url)
    shared = (files_stamp(Path(config_file)), [files_stamp(PROJECT / name) for name in SHARED_INPUTS], build_date())
    wanted = {folder: _fingerprint(shared, members[folder], files_stamp(dataset.root))
              for folder, dataset in library.documents.items()}
    wanted[HOME] = _fingerprint(shared, home)
    stale = sorted((name for name, fingerprint in wanted.items() if _kept_fingerprint(parts, name) != fingerprint),
                   key=lambda name: -len(library.documents[name].files) if name in library.documents else 0)
    building = parts / BUILDING
    shutil.rmtree(building, ignore_errors=True)
    try:
        _build_languages(library, stale, building, config_file, site_url, {**members, HOME: home})
        for name in stale:
            _finish(library, building, name)
            _keep(parts, building / name, name, wanted[name])
    finally:
        shutil.rmtree(building, ignore_errors=True)
    for gone in set(path.name for path in parts.iterdir()) - set(wanted) - {BUILDING, FINGERPRINTS}:
        shutil.rmtree(parts / gone)
        (parts / FINGERPRINTS / gone).unlink(missing_ok=True)


# Build every language of the named parts into building/<language>/<name>, in a pool of processes; BuildFailed
# naming every failure. The home reads no document; MkDocs' configuration still names one (the first).
def _build_languages(library: Library, names: list, building: Path, config_file: str, site_url: str,
                     places: dict) -> None:
    first = next(iter(library.documents.values()))
    jobs = [(library.documents.get(name, first), language, str(building / language / name), config_file, site_url,
             places[name]) for name in names for language in LANGUAGES]
    if not jobs:
        return
    with ProcessPoolExecutor(min(len(jobs), os.cpu_count() or 1), mp_context=multiprocessing.get_context("fork")) as pool:
        failures = [failure for failure in pool.map(build_language, *zip(*jobs)) if failure]
    if failures:
        raise BuildFailed("\n".join(failures))


# Arrange one part's languages as in the site under building/<name>: the home at the root (English at en/), a
# document at <folder>/ and en/<folder>/ with its calculator assets, their runtime at the root's assets/.
def _finish(library: Library, building: Path, name: str) -> None:
    tree = building / name
    (tree / "en").mkdir(parents=True)
    for language in LANGUAGES:
        built = building / language / name
        if name == HOME:
            for entry in built.iterdir():
                entry.rename(tree / language_folder(language) / entry.name)
        else:
            built.rename(tree / language_folder(language) / name)
    if name != HOME:
        add_calculator_assets(tree / name, library.documents[name])
        share_runtime(tree, name)


# Put a newly built part in the place of the kept one, with its fingerprint.
def _keep(parts: Path, tree: Path, name: str, fingerprint: str) -> None:
    (parts / FINGERPRINTS).mkdir(exist_ok=True)
    (parts / FINGERPRINTS / name).unlink(missing_ok=True)
    shutil.rmtree(parts / name, ignore_errors=True)
    tree.rename(parts / name)
    (parts / FINGERPRINTS / name).write_text(fingerprint, encoding="utf-8")


# The fingerprint kept with a part, "" when there is none.
def _kept_fingerprint(parts: Path, name: str) -> str:
    path = parts / FINGERPRINTS / name
    return path.read_text(encoding="utf-8") if path.is_file() and (parts / name).is_dir() else ""


# The fingerprint of what a part is built from.
def _fingerprint(*inputs) -> str:
    return hashlib.sha256(repr(inputs).encode("utf-8")).hexdigest()


# The path, modification time and size of every file under a folder (or of one file), caches left out.
def files_stamp(root: Path) -> tuple:
    paths = [root] if root.is_file() else sorted(root.rglob("*"))
    return tuple((path.as_posix(), path.stat().st_mtime_ns, path.stat().st_size)
                 for path in paths if path.is_file() and "__pycache__" not in path.parts)


# Link every part into staging (the home's first; a runtime file several documents share, named by version or
# content hash, once), then write one search index per language and the library's open data.
def _assemble(library: Library, parts: Path, staging: Path) -> None:
    for name in [HOME, *library.documents]:
        _link_tree(parts / name, staging)
    merge_search_indexes(staging, library)
    write_library_data(staging, library)


# Hard-link every file of source into target at the same place, unless target has it already.
def _link_tree(source: Path, target: Path) -> None:
    for folder, _, names in os.walk(source):
        placed = target / Path(folder).relative_to(source)
        placed.mkdir(exist_ok=True)
        for name in names:
            if not (placed / name).exists():
                link_or_copy(Path(folder) / name, placed / name)


# Validate every document of the library; print OK with each document's counts, or raise DataInvalid with
# every error of every document (files named from the library folder).
def validate_library(root: str, counts) -> int:
    library = load_library(root)
    print(f"OK: {len(library.documents)} documents")
    for folder, dataset in library.documents.items():
        print(f"{folder}: " + ", ".join(f"{count} {name}" for name, count in counts(dataset).items()))
    return 0
