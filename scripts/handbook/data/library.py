"""A library: a folder whose every subfolder is one document's data folder. Loads and validates them all
(every error naming its document's folder), finds which document cites which by its number, and exports the
whole library as one JSON."""
from dataclasses import dataclass, field, replace
from pathlib import Path

from .dataset import Dataset, load_dataset
from .errors import DataError, DataInvalid, said
from .export import export_dataset
from .languages import LANGUAGES
from .schema import FILES
from .yamlio import read_yaml

RESERVED = {"assets", "search", "search-index", "finder", "data"} | set(LANGUAGES)  # paths of the library site itself


@dataclass
class Library:
    """Every document of a library, validated, by folder name (sorted), with the citations between them."""

    root: Path
    documents: dict = field(default_factory=dict)
    site: dict = field(default_factory=dict)  # the library's own site.yaml (its address), beside the document folders

    # Each document's number as written in Chinese (document.yaml number.zh), by folder.
    def numbers(self) -> dict:
        return {folder: dataset.part("document")["number"]["zh"] for folder, dataset in self.documents.items()}


@dataclass(frozen=True)
class Citation:
    """One clause of one document that cites another document of the library by its number."""

    citing: str    # folder of the citing document
    measure: int   # the measure whose clause cites
    clause: str    # the clause id, e.g. "c2"
    cited: str     # folder of the cited document


# The document folders of a library: its subfolders, by name, hidden ones left out.
def document_folders(root: Path) -> list:
    return sorted(path for path in Path(root).iterdir() if path.is_dir() and not path.name.startswith("."))


# Read and validate every document of the library in folder root; DataInvalid with every error of every document,
# each error's file named from the library folder (other_notice/measures/02.yaml), when any is invalid. load reads
# one document folder (a builder under serve passes one that keeps what it read before).
def load_library(root, load=load_dataset) -> Library:
    root = Path(root)
    if not root.is_dir():
        raise DataInvalid([DataError(str(root), 1, 1, "", said("the library folder does not exist",
                                                                  "文件库文件夹不存在"))])
    library, errors = Library(root), []
    if (root / "site.yaml").is_file():
        located, errors = read_yaml(root / "site.yaml", "site.yaml")
        if located is not None:
            errors += [located.error(sub, message) for sub, message in FILES["site"].problems(located.data)]
            library.site = located.data
    for folder in document_folders(root):
        if folder.name in RESERVED:
            errors.append(DataError(folder.name, 1, 1, "", said(
                f"a document folder cannot be named {folder.name}: the library site uses that path; rename the folder",
                f"文件夹不能命名为{folder.name}：文件库网站使用此路径；请改名")))
            continue
        try:
            library.documents[folder.name] = load(folder)
        except DataInvalid as invalid:
            errors += [_from_library(error, root) for error in invalid.errors]
    if not library.documents and not errors:
        errors.append(DataError(str(root), 1, 1, "", said(
            "the library has no document folder; put each document's data folder in it as a subfolder",
            "文件库中没有文件夹；请把每份文件的数据文件夹作为子文件夹放入其中")))
    errors += _duplicate_numbers(library)
    if errors:
        raise DataInvalid(errors)
    return library


# An error whose file is named from inside the library (other_notice/units.yaml), however the folder was given.
def _from_library(error: DataError, root: Path) -> DataError:
    prefix = f"{root.as_posix().rstrip('/')}/"
    return replace(error, file=error.file[len(prefix):]) if error.file.startswith(prefix) else error


# Two documents of one library with the same number: each one after the first is an error.
def _duplicate_numbers(library: Library) -> list:
    seen, errors = {}, []
    for folder, number in library.numbers().items():
        if number in seen:
            located = library.documents[folder].files["document.yaml"]
            errors.append(replace(located.error(("number", "zh"), said(
                f"{number} is already the number of the document in {seen[number]}/; each document of a library "
                f"has its own number: correct it, or remove the copy",
                f"文号{number}已是{seen[number]}/中文件的文号；文件库中每份文件的文号各不相同：请改正，或删去重复的文件")),
                file=f"{folder}/document.yaml"))
        seen.setdefault(number, folder)
    return errors


# Every clause of every document that cites another document of the library by its Chinese number
# (〔…〕号 forms as written, e.g. 台政发〔2020〕2号), in library order; a document never cites itself here.
def citations(library: Library) -> list:
    numbers = library.numbers()
    found = []
    for citing, dataset in library.documents.items():
        for measure in dataset.measures:
            for clause in measure["clauses"]:
                found += [Citation(citing, measure["number"], clause["id"], cited)
                          for cited, number in numbers.items() if cited != citing and number in clause["zh"]]
    return found


# A document's period: from its earliest dated value to its latest end (None when any value has no end);
# a document without dated values is in force from its date, with no end. Shape: (start, end or None), ISO dates.
def document_period(dataset: Dataset) -> tuple:
    values = [value for parameter in dataset.parameters for value in parameter["values"]]
    if not values:
        return str(dataset.part("document")["date"]), None
    ends = [value["end"] for value in values]
    return min(str(value["start"]) for value in values), (None if None in ends else max(str(end) for end in ends))


# The whole library as one JSON-ready dictionary: {"documents": [{"folder", "period", "cites", "data"}]}, where
# "data" is the document's own export (handbook.json) and "cites" the folders of the documents it cites.
def export_library(library: Library) -> dict:
    cited = citations(library)
    documents = []
    for folder, dataset in library.documents.items():
        start, end = document_period(dataset)
        documents.append({"folder": folder, "period": {"start": start, "end": end},
                          "cites": sorted({citation.cited for citation in cited if citation.citing == folder}),
                          "data": export_dataset(dataset)})
    return {"documents": documents}


# The JSON Schema of the library export; each document's "data" follows the per-document export.
def library_schema() -> dict:
    date = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    document = {
        "type": "object", "additionalProperties": False, "required": ["folder", "period", "cites", "data"],
        "properties": {
            "folder": {"type": "string", "description": "the document's folder in the library, and its path on the site"},
            "period": {"type": "object", "additionalProperties": False, "required": ["start", "end"],
                       "properties": {"start": date, "end": {"oneOf": [date, {"type": "null"}]}}},
            "cites": {"type": "array", "items": {"type": "string"},
                      "description": "folders of the library's documents this document's clauses cite by number"},
            "data": {"type": "object", "required": ["document", "measures", "parameters"],
                     "description": "the document's own export, as in its handbook.json"},
        },
    }
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Policy library",
            "type": "object", "additionalProperties": False, "required": ["documents"],
            "properties": {"documents": {"type": "array", "items": document}}}
