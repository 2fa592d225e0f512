"""Terminology and modal force: every zh/en pair must render glossary terms and modal verbs as the glossary says.

The glossary is `glossary.yaml` in the data folder (optional). Its `terms` map a Chinese term to its English
rendering and accepted variants; its `bodies` add English short forms to a unit of `units.yaml`, which stays
the source of every body's name; its `modal_overrides` silence the modal-force rule for one quoted sentence.
"""
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from .schema import FILES, Bilingual, Items, Record
from .report import caused, missing_unit
from .yamlio import dotted

GLOSSARY_FILE = "glossary.yaml"
CALCULATORS = Path(__file__).resolve().parents[3] / "calculators"

# Modal verbs of obligation and of permission, with the compounds in which the character is no modal.
OBLIGATION = {"应": ("应对", "相应", "适应", "响应", "供应", "应用", "反应", "效应", "对应", "应届", "应急", "应收",
                    "应聘", "应征", "理应"),
              "须": ("须知",), "需": ("需要", "急需", "所需", "需求", "必需"), "必须": (), "严禁": (),
              "要": ("重要", "主要", "需要", "要求", "要素", "要点", "只要", "必要", "要害", "摘要", "纪要", "要件",
                    "首要", "简要", "紧要", "将要", "要闻", "要事", "要务", "纲要", "要职")}
PERMISSION = {"可": ("可能", "认可", "许可", "可行", "不可", "可靠", "可持续", "可观", "可控", "宁可", "可信")}
FORBIDDEN = {"obligation": ("should", "may"), "permission": ("shall", "must")}


@dataclass(frozen=True)
class Term:
    """One glossary term: the Chinese, every accepted English form (rendering first), and where it is defined."""

    zh: str
    forms: tuple
    file: str
    path: tuple
    is_body: bool = False
    label_forms: tuple = ()
    registry_forms: tuple = ()


@dataclass(frozen=True)
class Pair:
    """One zh/en pair of the dataset: its file, its path there, and both texts."""

    file: str
    path: tuple
    zh: str
    en: str
    kind: str


# Every check of this module, run by `handbook validate` after the other cross-file checks (not while unit ids clash).
def check_terminology(dataset):
    ids = [unit["id"] for unit in dataset.part("units")["units"]]
    if len(ids) != len(set(ids)):
        return
    terms, bodies = glossary_terms(dataset), body_terms(dataset)
    yield from duplicate_terms(dataset, terms + bodies)
    for pair in dataset_pairs(dataset):
        yield from term_misses(dataset, pair, bodies if pair.kind == "post" else terms + bodies,
                               official=pair.kind == "post")
        yield from modal_misses(dataset, pair)


# The glossary entries of the dataset, or () when the folder has no glossary.
def glossary(dataset) -> dict:
    return dataset.files[GLOSSARY_FILE].data if GLOSSARY_FILE in dataset.files else {}


# Terms of the glossary's `terms` list.
def glossary_terms(dataset) -> list:
    return [Term(entry["zh"], (entry["en"],) + tuple(entry.get("variants", ())), GLOSSARY_FILE, ("terms", index),
                 label_forms=tuple(entry.get("labels", ())))
            for index, entry in enumerate(glossary(dataset).get("terms", []))]


# One term per unit name and name variant; its forms are the registry name, then the glossary's short forms.
def body_terms(dataset) -> list:
    extra = {entry["unit"]: tuple(entry["variants"]) for entry in glossary(dataset).get("bodies", [])}
    units_file = dataset.source_file("units")
    found = []
    for index, unit in enumerate(dataset.part("units")["units"]):
        official = registry_forms(unit["name"]["en"])
        forms = official + extra.get(unit["id"], ())
        forms += tuple(form.split(" ", 1)[1] for form in forms if form.split(" ", 1)[0] in ("District", "the"))
        for zh in [unit["name"]["zh"]] + unit.get("variants", []):
            found.append(Term(zh, forms, units_file, ("units", index, "name"), is_body=True, registry_forms=official))
    return found


# A registry name as written, without its bracketed glosses, and with the brackets dropped but their words kept.
def registry_forms(name: str) -> tuple:
    bare = re.sub(r"\s*\([^)]*\)", "", name)
    unwrapped = re.sub(r"[()]", "", name)
    return tuple(dict.fromkeys((name, bare, unwrapped)))


# A Chinese term defined twice (in the glossary, or in the glossary and the units registry) is an error.
def duplicate_terms(dataset, terms):
    seen = {}
    for term in terms:
        if term.zh in seen and term.file == GLOSSARY_FILE:
            first = seen[term.zh]
            where = f"{first.file} {dotted(first.path)}"
            yield dataset.files[term.file].error(term.path + ("zh",),
                                                 f"duplicate glossary term '{term.zh}': already defined in {where}; "
                                                 f"keep one entry and list other English forms under its variants")
        seen.setdefault(term.zh, term)
    for index, entry in enumerate(glossary(dataset).get("bodies", [])):
        if entry["unit"] not in {unit["id"] for unit in dataset.part("units")["units"]}:
            yield caused(dataset.files[GLOSSARY_FILE].error(("bodies", index, "unit"),
                                                            f"unknown unit id '{entry['unit']}'; add it to units.yaml"),
                         *missing_unit(entry["unit"]))


# Every zh/en pair of the dataset that terminology applies to, and every calculator label.
def dataset_pairs(dataset):
    for name, doc in dataset.files.items():
        if doc.kind == "glossary":
            continue
        for path, value in _walk_pairs(FILES[doc.kind], doc.data, ()):
            kind = "post" if doc.kind == "annex1" and path[-1:] == ("post",) else doc.kind
            if doc.kind == "annex1" and path[-1:] == ("name",):
                continue
            yield Pair(name, path, value["zh"], value["en"], kind)
    yield from calculator_pairs(dataset)


# Walk data alongside its schema and yield (path, value) for every bilingual value.
def _walk_pairs(kind, value, path):
    if isinstance(kind, Bilingual) or (isinstance(kind, Record) and {"zh", "en"} <= set(kind.required)):
        yield path, value
    elif isinstance(kind, Items):
        for index, item in enumerate(value):
            yield from _walk_pairs(kind.item, item, path + (index,))
    elif isinstance(kind, Record):
        for key, sub in {**kind.required, **kind.optional}.items():
            if key in value:
                yield from _walk_pairs(sub, value[key], path + (key,))


# The titles and labels of the calculators the document enables.
def calculator_pairs(dataset):
    wanted = set(dataset.part("document").get("calculators", []))
    if not wanted:
        return
    from calculators.catalog import catalog
    for entry in catalog():
        if entry["id"] in wanted:
            yield from _labels(entry, (entry["id"],))


# Yield a Pair for the title and every label (inputs, outputs, nested fields) of one catalog entry.
def _labels(entry, path):
    for key in ("title", "label"):
        if isinstance(entry.get(key), dict):
            yield Pair("calculators", path + (key,), entry[key]["zh"], entry[key]["en"], "calculator")
    for key in ("inputs", "outputs", "fields"):
        for item in entry.get(key) or []:
            yield from _labels(item, path + (key, item.get("name", "?")))


# Errors for every glossary term in the Chinese whose English has none of the term's forms.
def term_misses(dataset, pair, terms, official=False):
    english = normal(pair.en)
    chinese = re.sub(r"“[^”]*”|（[^）]*）", "", pair.zh) if pair.kind == "notes" else pair.zh
    for term in terms_in(chinese, terms):
        forms = term.registry_forms if official else term.forms
        forms += term.label_forms if pair.kind == "calculator" else ()
        if any(normal(form).strip() in english for form in forms):
            continue
        expected = " or ".join(f"'{form}'" for form in forms)
        what = "the registry name of the body" if official else "the glossary rendering"
        message = (f"the Chinese has '{term.zh}' but the English has {closest(pair.en, term.forms[0])}; "
                   f"use {what}: {expected}")
        yield locate(dataset, pair, message)


# The terms found in text, longest first, without overlaps.
def terms_in(text: str, terms) -> list:
    taken, found = [False] * len(text), []
    for term in sorted(terms, key=lambda term: -len(term.zh)):
        start = text.find(term.zh)
        while start != -1:
            if not any(taken[start:start + len(term.zh)]):
                taken[start:start + len(term.zh)] = [True] * len(term.zh)
                found.append(term)
                break
            start = text.find(term.zh, start + 1)
    return found


# Lower-case, straight-quoted, hyphens as spaces and plural -s dropped, so that forms of one word compare equal.
def normal(text: str) -> str:
    text = text.lower().translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "-": " ", "–": " "}))
    words = (re.sub(r"(?<=\w{3})s\b", "", word) for word in text.split())
    return " " + " ".join(words) + " "


# The words of english most like the expected rendering, quoted, for the message.
def closest(english: str, expected: str) -> str:
    words, size = english.split(), max(1, len(expected.split()))
    windows = {" ".join(words[start:start + size]) for start in range(max(1, len(words) - size + 1))}
    best = difflib.get_close_matches(expected, windows, n=1, cutoff=0.3)
    return f"'{best[0].strip('.,;:“”')}'" if best else "no such phrase"


# Errors for English that weakens an obligation or strengthens a permission.
def modal_misses(dataset, pair):
    overrides = [entry for entry in glossary(dataset).get("modal_overrides", []) if entry["quote"] in pair.zh]
    found = {"obligation": modals_in(pair.zh, OBLIGATION), "permission": modals_in(pair.zh, PERMISSION)}
    for force, words in found.items():
        other = found["permission" if force == "obligation" else "obligation"]
        for word in words:
            if any(entry["word"] == word for entry in overrides):
                continue
            for english in FORBIDDEN[force]:
                if _licensed(english, pair.zh, other):
                    continue
                if re.search(rf"\b{english}\b", pair.en):
                    yield locate(dataset, pair, _modal_message(word, force, english))


# Whether an English modal is explained by another word of the Chinese (可 for "may", 应 for "shall"; 可能 for "may").
def _licensed(english: str, zh: str, other_words) -> bool:
    if english == "may":
        return bool(other_words) or "可能" in zh
    return english in ("shall", "must") and bool(other_words)


# Explain a modal-force miss and what to write instead.
def _modal_message(word: str, force: str, english: str) -> str:
    if force == "obligation":
        return (f"the Chinese has '{word}' (an obligation) but the English says '{english}'; "
                f"write 'shall' or 'must' (or add a modal_overrides entry with a note to {GLOSSARY_FILE})")
    return (f"the Chinese has '{word}' (a permission) but the English says '{english}'; "
            f"write 'may' (or add a modal_overrides entry with a note to {GLOSSARY_FILE})")


# The modal words of one force in text, skipping compounds in which the character is no modal.
def modals_in(text: str, words: dict) -> list:
    found = []
    for word, compounds in words.items():
        cleaned = text
        for compound in sorted(compounds, key=len, reverse=True):
            cleaned = cleaned.replace(compound, "〇" * len(compound))
        if word == "要" or word == "须":
            cleaned = cleaned.replace("必须", "〇〇")
        if word in cleaned:
            found.append(word)
    return found


# The error for a pair, at the line of its English in a data file or of the English label in calculators/.
def locate(dataset, pair, message):
    from .errors import DataError
    if pair.file != "calculators":
        return dataset.files[pair.file].error(pair.path + ("en",), message)
    file, line, column = _find_literal(pair.en)
    return DataError(file, line, column, ".".join(pair.path) + ".en", message)


# Where a Python string literal is written in calculators/, as (file, line, column).
def _find_literal(text: str):
    for path in sorted(CALCULATORS.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        at = source.find(f'"{text}"')
        if at != -1:
            line = source.count("\n", 0, at) + 1
            return f"calculators/{path.relative_to(CALCULATORS)}", line, at - source.rfind("\n", 0, at)
    return "calculators", 1, 1


# Warnings for glossary terms that occur in none of the Chinese texts.
def unused_terms(dataset) -> list:
    corpus = "\n".join(pair.zh for pair in dataset_pairs(dataset))
    return [dataset.files[GLOSSARY_FILE].error(term.path + ("zh",),
                                               f"warning: the term '{term.zh}' occurs in none of the Chinese texts; "
                                               f"remove the entry or correct the term")
            for term in glossary_terms(dataset) if term.zh not in corpus]
