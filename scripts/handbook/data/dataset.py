"""Load policy_data/, validate every file and every cross-reference, and export it."""
from dataclasses import dataclass, field
from pathlib import Path

from .checks import all_checks
from .errors import DataError, DataInvalid
from .schema import FILES
from .yamlio import read_yaml

SINGLE_FILES = {"document.yaml": "document", "units.yaml": "units", "sections.yaml": "sections",
                "annex1.yaml": "annex1", "annex2.yaml": "annex2", "notes.yaml": "notes",
                "revisions.yaml": "revisions"}
OPTIONAL_FILES = {"glossary.yaml": "glossary", "site.yaml": "site"}
FOLDERS = {"measures": "measure", "parameters": "parameters"}
# Parts a document may lack (a notice with no annexes, no notes, no calculators), and what stands in for them.
OPTIONAL = {"annex1": {"members": []}, "annex2": {"tasks": []}, "notes": {"notes": []}, "site": {}}
OPTIONAL_FOLDERS = ("parameters",)
PAGES_FOLDER = "pages"  # hand-written pages of the document's site: pages/<language>/*.md


@dataclass
class Dataset:
    """Every file of one policy document, validated, with where each value came from."""

    root: Path
    files: dict = field(default_factory=dict)

    # The parsed content of one single file, e.g. dataset.part("document"); an empty stand-in for a missing optional part.
    def part(self, kind: str):
        found = [doc.data for doc in self.files.values() if doc.kind == kind]
        return found[0] if found else OPTIONAL[kind]

    # Whether the document has a part, e.g. dataset.has("annex1").
    def has(self, kind: str) -> bool:
        return any(doc.kind == kind for doc in self.files.values())

    # Every measure, ordered by number.
    @property
    def measures(self) -> list:
        found = [doc.data for doc in self.files.values() if doc.kind == "measure"]
        return sorted(found, key=lambda measure: measure["number"])

    # Every parameter across the parameter files, in file order.
    @property
    def parameters(self) -> list:
        return [item for doc in self.files.values() if doc.kind == "parameters"
                for item in doc.data["parameters"]]

    # The path, relative to the data folder, of the file a measure or part is in.
    def source_file(self, kind: str, number: int = None) -> str:
        for name, doc in self.files.items():
            if doc.kind == kind and (number is None or doc.data.get("number") == number):
                return name
        raise KeyError(kind)


# Read, check and return the dataset in folder root, or raise DataInvalid with every error.
def load_dataset(root) -> Dataset:
    root = Path(root)
    dataset, errors = Dataset(root), []
    if not root.is_dir():
        raise DataInvalid([_missing(root, "the data folder does not exist")])
    for path, kind in _expected_files(root, errors):
        located, found = read_yaml(path, str(path.relative_to(root.parent) if root.parent != path else path))
        errors += found
        if located is None:
            continue
        located.kind = kind
        errors += [located.error(sub, message) for sub, message in FILES[kind].problems(located.data)]
        dataset.files[str(path.relative_to(root))] = located
    if not errors:
        errors += cross_check(dataset)
    if errors:
        raise DataInvalid(errors)
    return dataset


# List (path, kind) for every file the dataset must or may contain; note missing ones.
def _expected_files(root: Path, errors: list):
    for name, kind in SINGLE_FILES.items():
        if (root / name).is_file():
            yield root / name, kind
        elif kind not in OPTIONAL:
            errors.append(_missing(root / name, "required file is missing"))
    yield from ((root / name, kind) for name, kind in OPTIONAL_FILES.items() if (root / name).is_file())
    for folder, kind in FOLDERS.items():
        paths = sorted((root / folder).glob("*.yaml"))
        if not paths and folder not in OPTIONAL_FOLDERS:
            errors.append(_missing(root / folder, "folder is missing or has no .yaml files"))
        yield from ((path, kind) for path in paths)
    known = set(SINGLE_FILES) | set(OPTIONAL_FILES) | set(FOLDERS) | {"schema", "original.txt", PAGES_FOLDER}
    for extra in sorted(root.iterdir()):
        if extra.name not in known and not extra.name.startswith("."):
            errors.append(_missing(extra, f"unexpected file or folder; expected only {sorted(known)}"))


# An error about a whole file or folder.
def _missing(path: Path, message: str):
    return DataError(str(path), 1, 1, "", message)


# Check every reference between files; return the errors.
def cross_check(dataset: Dataset) -> list:
    return [error for check in all_checks for error in check(dataset)]
