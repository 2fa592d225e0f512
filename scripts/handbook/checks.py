"""Checks across files: references resolve, ids are unique, quotes are found, periods make sense."""
from collections import Counter
from datetime import date

from calculators.units import COUNT_UNITS, convert

from .texts import source_texts, squash
from .periods import check_periods
from .plausibility import check_plausibility
from .report import caused, first
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


# The cause, in English and Chinese, of every reference to a unit id that units.yaml lacks.
def missing_unit(unit_id) -> tuple:
    return (f"unit '{unit_id}' is not in units.yaml (removed or renamed?)",
            f"单位“{unit_id}”不在 units.yaml 中（是否被删除或改名？）")


# Annex 1 members belong to known units.
def check_annex1(dataset):
    name, known = dataset.source_file("annex1"), {unit["id"] for unit in dataset.part("units")["units"]}
    for index, member in enumerate(dataset.part("annex1")["members"]):
        if member["unit"] not in known:
            yield caused(at(dataset, name, ("members", index, "unit"), f"unknown unit id '{member['unit']}'"),
                         *missing_unit(member["unit"]))


# Annex 2 tasks point at existing measures; row ids are unique.
def check_annex2(dataset):
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


all_checks = (check_calculators, check_units, check_measures, check_annex1, check_annex2, check_parameters, check_notes,
              check_plausibility, check_periods, check_terminology)
