"""A two-document library made in a temporary folder: this document (policy_data/) as taizhuang/ and the other
notice (tests/fixtures/other_notice/) as songhe/, whose first clause cites the first document's number and one that
the library does not hold, in its YAML and its original text alike (with the original's recorded SHA-256 redone)."""
import hashlib
import shutil
from pathlib import Path

from tests.helpers import PROJECT

FOLDERS = {"taizhuang": PROJECT / "policy_data", "songhe": PROJECT / "tests" / "fixtures" / "other_notice"}
CITED, CITED_EN = "台政发〔2020〕2号", "Tai Zheng Fa [2020] No. 2"
MISSING = "枣住〔2019〕25号"  # a number no document of the library has
CLAUSE = "依托县电子商务产业园建设县级电商公共服务中心"
CITING = f"按照{CITED}和{MISSING}的要求，{CLAUSE}"
CLAUSE_EN = "Build a county e-commerce public service centre"
CITING_EN = f"As {CITED_EN} and Zao Zhu [2019] No. 25 require, build a county e-commerce public service centre"
NUMBERS = {"zh": ("台政发〔2020〕2号", "松政办发〔2021〕7号"), "en": ("Tai Zheng Fa [2020] No. 2", "Song Zheng Ban Fa [2021] No. 7")}
ROOTS = {"zh": "", "en": "en/"}  # each language's root in the site
SEARCHES = {"zh": ("稳岗返还", "电商公共服务中心"), "en": ("guaranteed loans", "e-commerce public service")}  # one per document


# Copy both documents into root/ and make songhe/'s measure 1, clause 1 cite the first document; return root.
def make_library(root: Path) -> Path:
    for folder, source in FOLDERS.items():
        shutil.copytree(source, root / folder, ignore=shutil.ignore_patterns("schema"))
    songhe = root / "songhe"
    _replace(songhe / "measures" / "01.yaml", f"zh: {CLAUSE}", f"zh: {CITING}")
    _replace(songhe / "measures" / "01.yaml", CLAUSE_EN, CITING_EN)
    original = songhe / "original.txt"
    old_digest = hashlib.sha256(original.read_bytes()).hexdigest()
    _replace(original, f"。{CLAUSE}", f"。{CITING}")
    _replace(songhe / "document.yaml", old_digest, hashlib.sha256(original.read_bytes()).hexdigest())
    return root


# Replace the first occurrence of old in a file, which must hold it.
def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
