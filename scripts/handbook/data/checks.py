"""Checks across files: references resolve, ids are unique, quotes are found, periods make sense."""
import hashlib
from collections import Counter
from datetime import date

from calculators.units import COUNT_UNITS, convert

from .texts import source_texts, squash
from .errors import said
from .how_to_apply import check_how_to_apply
from .periods import check_periods
from .plausibility import check_plausibility
from .report import caused, first, missing_unit
from .terminology import check_terminology


# Locate an error at path in the file called name.
def at(dataset, name, path, message):
    return dataset.files[name].error(path, message)


# Yield (file name, parsed data) for every file of one kind.
def each(dataset, kind):
    return [(name, doc.data) for name, doc in dataset.files.items() if doc.kind == kind]


# Map every unit name and name variant to its unit id.
def unit_names(dataset) -> dict:
    names = {}
    for unit in dataset.part("units")["units"]:
        for name in [unit["name"]["zh"]] + unit.get("variants", []):
            names[name] = unit["id"]
    return names


# Unit ids and names must be unique.
def check_units(dataset):
    name = dataset.source_file("units")
    seen, names = set(), set()
    for index, unit in enumerate(dataset.part("units")["units"]):
        if unit["id"] in seen:
            yield first(at(dataset, name, ("units", index, "id"), f"duplicate unit id '{unit['id']}'"))
        seen.add(unit["id"])
        for written in [unit["name"]["zh"]] + unit.get("variants", []):
            if written in names:
                yield first(at(dataset, name, ("units", index), f"the name '{written}' is used by two units"))
            names.add(written)


# Measure numbers are unique and sections exist; clause ids are unique within a measure.
def check_measures(dataset):
    sections = {section["number"] for section in dataset.part("sections")["sections"]}
    numbers = Counter(data["number"] for _, data in each(dataset, "measure"))
    for name, data in each(dataset, "measure"):
        if numbers[data["number"]] > 1:
            yield first(at(dataset, name, ("number",), f"duplicate measure number {data['number']}"))
        if data["section"] not in sections:
            yield caused(at(dataset, name, ("section",), f"unknown section {data['section']}; sections.yaml has {sorted(sections)}"),
                         f"section {data['section']} is not in sections.yaml", f"第{data['section']}部分不在 sections.yaml 中")
        clause_ids = Counter(clause["id"] for clause in data["clauses"])
        for index, clause in enumerate(data["clauses"]):
            if clause_ids[clause["id"]] > 1:
                yield at(dataset, name, ("clauses", index, "id"), f"duplicate clause id '{clause['id']}'")
        yield from check_responsible(dataset, name, ("responsible",), data["responsible"])


# The written list of responsible units must name exactly the listed unit ids, in order.
def check_responsible(dataset, name, path, responsible):
    known, names = {unit["id"] for unit in dataset.part("units")["units"]}, unit_names(dataset)
    for index, unit_id in enumerate(responsible["units"]):
        if unit_id not in known:
            yield caused(at(dataset, name, path + ("units", index), f"unknown unit id '{unit_id}'; add it to units.yaml"),
                         *missing_unit(unit_id))
    written = [part for part in responsible["written"].split("、") if part]
    resolved = [names.get(part) for part in written]
    listed = responsible["units"] + [None] * len(written)
    for part, unit_id, listed_id in zip(written, resolved, listed):
        if unit_id is None:
            cause = missing_unit(listed_id) if listed_id not in known else (
                f"'{part}' is not a unit name or variant in units.yaml", f"“{part}”不是 units.yaml 中的单位名称或别称")
            yield caused(at(dataset, name, path + ("written",), f"'{part}' is not a unit name or variant in units.yaml"),
                         *cause)
    if None not in resolved and resolved != responsible["units"]:
        part, found, meant = next(triple for triple in zip(written, resolved, listed) if triple[1] != triple[2])
        yield caused(at(dataset, name, path + ("units",),
                        f"units {responsible['units']} do not match the written list, which names {resolved}"),
                     f"in units.yaml the name '{part}' belongs to unit '{found}', not '{meant}'",
                     f"units.yaml 中名称“{part}”属于单位“{found}”，而不是“{meant}”")


# Annex 1 members belong to known units.
def check_annex1(dataset):
    if not dataset.has("annex1"):
        return
    name, known = dataset.source_file("annex1"), {unit["id"] for unit in dataset.part("units")["units"]}
    for index, member in enumerate(dataset.part("annex1")["members"]):
        if member["unit"] not in known:
            yield caused(at(dataset, name, ("members", index, "unit"), f"unknown unit id '{member['unit']}'"),
                         *missing_unit(member["unit"]))


# Annex 2 tasks point at existing measures; row ids are unique.
def check_annex2(dataset):
    if not dataset.has("annex2"):
        return
    name, numbers = dataset.source_file("annex2"), {measure["number"] for measure in dataset.measures}
    rows = Counter(row["id"] for task in dataset.part("annex2")["tasks"] for row in task["rows"])
    for task_index, task in enumerate(dataset.part("annex2")["tasks"]):
        if task["measure"] not in numbers:
            yield at(dataset, name, ("tasks", task_index, "measure"), f"unknown measure {task['measure']}")
        for row_index, row in enumerate(task["rows"]):
            path = ("tasks", task_index, "rows", row_index)
            if rows[row["id"]] > 1:
                yield at(dataset, name, path + ("id",), f"duplicate row id '{row['id']}'")
            yield from check_responsible(dataset, name, path + ("responsible",), row["responsible"])


# Parameters: unique ids, existing clause, quote found in it, sane periods and values.
def check_parameters(dataset):
    clauses = {(measure["number"], clause["id"]): clause["zh"]
               for measure in dataset.measures for clause in measure["clauses"]}
    measures = {measure["number"] for measure in dataset.measures}
    ids = Counter(parameter["id"] for parameter in dataset.parameters)
    for name, data in each(dataset, "parameters"):
        for index, parameter in enumerate(data["parameters"]):
            path, source = ("parameters", index), parameter["source"]
            if ids[parameter["id"]] > 1:
                yield at(dataset, name, path + ("id",), f"duplicate parameter id '{parameter['id']}'")
            if source["measure"] not in measures:
                yield caused(at(dataset, name, path + ("source", "measure"), f"unknown measure {source['measure']}"),
                             f"measure {source['measure']} does not exist", f"措施{source['measure']}不存在")
            elif (source["measure"], source["clause"]) not in clauses:
                yield caused(at(dataset, name, path + ("source", "clause"),
                                f"measure {source['measure']} has no clause '{source['clause']}'"),
                             f"measure {source['measure']} has no clause '{source['clause']}' (removed or renamed?)",
                             f"措施{source['measure']}没有条款“{source['clause']}”（是否被删除或改名？）")
            elif squash(source["quote"]) not in squash(clauses[(source["measure"], source["clause"])]):
                yield at(dataset, name, path + ("source", "quote"),
                         f"quote not found in measure {source['measure']} clause {source['clause']}")
            yield from check_values(dataset, name, path, parameter)


# Each value suits the unit; periods end on or after they start and do not overlap.
def check_values(dataset, name, path, parameter):
    periods = []
    for index, entry in enumerate(parameter["values"]):
        where = path + ("values", index)
        start = date.fromisoformat(entry["start"])
        end = date.fromisoformat(entry["end"]) if entry["end"] else date.max
        if end < start:
            yield at(dataset, name, where + ("end",), f"period ends ({entry['end']}) before it starts ({entry['start']})")
        problem = value_problem(parameter["unit"], str(entry["value"]))
        if problem:
            yield at(dataset, name, where + ("value",), problem)
        for other_start, other_end in periods:
            if start <= other_end and other_start <= end:
                yield at(dataset, name, where + ("start",), "period overlaps an earlier value's period")
        periods.append((start, end))


# Explain why text is not a valid value for unit, or return "".
def value_problem(unit: str, text: str) -> str:
    is_date = len(text) == 10 and text[4] == "-"
    if (unit == "date") != is_date:
        return f"unit '{unit}' needs {'a date' if unit == 'date' else 'a number'}, got '{text}'"
    if unit in COUNT_UNITS and not text.isdigit():
        return f"unit '{unit}' needs a whole number, got '{text}'"
    convert(text, unit)
    return ""


# Notes point at things that exist and quote the source text verbatim.
def check_notes(dataset):
    if not dataset.has("notes"):
        return
    corpus = "\n".join(squash(text) for _, _, text in source_texts(dataset))
    name = dataset.source_file("notes")
    measures = {measure["number"] for measure in dataset.measures}
    rows = {row["id"] for task in dataset.part("annex2")["tasks"] for row in task["rows"]}
    units = {unit["id"] for unit in dataset.part("units")["units"]}
    ids = Counter(note["id"] for note in dataset.part("notes")["notes"])
    for index, note in enumerate(dataset.part("notes")["notes"]):
        path = ("notes", index)
        if ids[note["id"]] > 1:
            yield at(dataset, name, path + ("id",), f"duplicate note id '{note['id']}'")
        if not {"measure", "annex2_row", "unit", "part"} & set(note):
            yield at(dataset, name, path, "a note needs at least one of measure, annex2_row, unit, part")
        for key, known in (("measure", measures), ("annex2_row", rows), ("unit", units)):
            if key in note and note[key] not in known:
                yield at(dataset, name, path + (key,), f"unknown {key} '{note[key]}'")
        if squash(note["quote"]) not in corpus:
            yield at(dataset, name, path + ("quote",), "quote not found in the document's text")


# The calculators a document enables must exist in the calculators package.
def check_calculators(dataset):
    from calculators import CALCULATOR_IDS
    name = dataset.source_file("document")
    for index, calculator in enumerate(dataset.part("document").get("calculators", [])):
        if calculator not in CALCULATOR_IDS:
            yield at(dataset, name, ("calculators", index),
                     f"unknown calculator '{calculator}'; `handbook calc --list` shows the calculators")


# Revisions: what an amendment changes exists, is one kind of change, and a new value is stated in the text in force.
def check_revisions(dataset):
    name = dataset.source_file("revisions")
    clauses = {(measure["number"], clause["id"]): clause["zh"]
               for measure in dataset.measures for clause in measure["clauses"]}
    parameters = {parameter["id"]: parameter for parameter in dataset.parameters}
    for index, revision in enumerate(dataset.part("revisions")["revisions"]):
        path = ("revisions", index)
        if revision.get("amends") and "instrument" not in revision:
            yield at(dataset, name, path, "a revision that amends needs its instrument (number, title, date)")
        for change_index, amendment in enumerate(revision.get("amends", ())):
            where = path + ("amends", change_index)
            yield from check_amendment(dataset, name, where, amendment, revision, clauses, parameters)


# One amendment: a clause (with text) or a parameter (with value and quote), never both or neither.
def check_amendment(dataset, name, where, amendment, revision, clauses, parameters):
    kinds = [kind for kind in ("clause", "parameter") if kind in amendment]
    needed = {"clause": ("text",), "parameter": ("value", "quote")}
    if len(kinds) != 1:
        yield at(dataset, name, where, "an amendment changes exactly one thing: give either 'clause' "
                                       "(with 'text') or 'parameter' (with 'value' and 'quote')")
        return
    kind = kinds[0]
    extra = [key for key in ("text", "value", "quote") if key in amendment and key not in needed[kind]]
    for key in [key for key in needed[kind] if key not in amendment]:
        yield at(dataset, name, where, f"an amendment of a {kind} needs '{key}'")
    for key in extra:
        yield at(dataset, name, where + (key,), f"'{key}' does not belong to an amendment of a {kind}")
    if kind == "clause":
        target = (amendment["clause"]["measure"], amendment["clause"]["id"])
        if target not in clauses:
            yield at(dataset, name, where + ("clause",), f"measure {target[0]} has no clause '{target[1]}'")
        return
    parameter = parameters.get(amendment["parameter"])
    if parameter is None:
        yield at(dataset, name, where + ("parameter",), f"unknown parameter '{amendment['parameter']}'")
        return
    if "value" in amendment:
        problem = value_problem(parameter["unit"], str(amendment["value"]))
        if problem:
            yield at(dataset, name, where + ("value",), problem)
    if "quote" in amendment and not quote_in_force(amendment, revision, parameter, clauses):
        source = parameter["source"]
        yield at(dataset, name, where + ("quote",),
                 f"quote not found in measure {source['measure']} clause {source['clause']}, "
                 f"neither in its original text nor in this revision's amended text")


# Whether a new value's quote is in the parameter's clause: this revision's amended text of it, or the original.
def quote_in_force(amendment, revision, parameter, clauses) -> bool:
    source = parameter["source"]
    texts = [change["text"]["zh"] for change in revision.get("amends", ())
             if change.get("clause") == {"measure": source["measure"], "id": source["clause"]} and "text" in change]
    texts.append(clauses.get((source["measure"], source["clause"]), ""))
    return any(squash(amendment["quote"]) in squash(text) for text in texts)


# When the folder keeps original.txt, it is the published text (its SHA-256 is the one document.yaml records) and
# every Chinese source text appears in it word for word.
def check_original(dataset):
    path = dataset.root / "original.txt"
    if not path.is_file():
        return
    yield from check_fingerprint(dataset, path.read_bytes())
    original = squash(path.read_text(encoding="utf-8"))
    for name, where, text in source_texts(dataset):
        if squash(text) not in original:
            yield at(dataset, name, where, "this Chinese text is not in original.txt word for word; copy it exactly "
                                           "from the original (typos included) and explain any irregularity in notes.yaml")


# original.txt is the published text: its SHA-256 is the one document.yaml records under original.sha256.
def check_fingerprint(dataset, content: bytes):
    digest = hashlib.sha256(content).hexdigest()
    recorded = dataset.part("document").get("original", {}).get("sha256")
    name = dataset.source_file("document")
    if recorded is None:
        yield at(dataset, name, ("original",), said(
            f"original.txt has no recorded fingerprint; add to document.yaml the SHA-256 of the text as published:\n"
            f"      original:\n        sha256: '{digest}'",
            "document.yaml 未记录 original.txt 的 SHA-256 指纹；请按发布文本添加 original: sha256。"))
    elif recorded != digest:
        yield at(dataset, name, ("original", "sha256"), said(
            f"original.txt is not the published text: its SHA-256 is {digest}, document.yaml records {recorded}; "
            f"restore original.txt from the published source (or, if the published text itself changed, record its new hash)",
            "original.txt 与发布文本不符：其 SHA-256 与 document.yaml 记录的不同；请从发布原文恢复 original.txt。"))


# The notice's list of attachments names exactly the annexes the folder holds.
def check_attachments(dataset):
    annexes = [f"{kind}.yaml" for kind in ("annex1", "annex2") if dataset.has(kind)]
    listed = dataset.part("document")["attachments"]
    if len(listed) != len(annexes):
        yield at(dataset, dataset.source_file("document"), ("attachments",),
                 f"the notice lists {len(listed)} attachment(s) but the folder has {len(annexes)} annex file(s) "
                 f"{annexes}; list one attachment per annex file, or add or remove annex1.yaml / annex2.yaml")


all_checks = (check_calculators, check_units, check_measures, check_annex1, check_annex2, check_parameters, check_notes,
              check_plausibility, check_periods, check_terminology, check_revisions,
              check_original, check_attachments, check_how_to_apply)
