"""How-to-apply checks: each point quotes its clause word for word (or is marked as supplied by the responsible
unit), and applications go to units the measure or its Annex 2 rows name."""
from .errors import said
from .language import language_problems
from .texts import squash

POINTS = ("who", "conditions", "materials", "time_limits")


# Every how-to-apply problem of every measure.
def check_how_to_apply(dataset):
    rows = {}
    for task in dataset.part("annex2")["tasks"]:
        rows.setdefault(task["measure"], []).extend(row["responsible"]["units"] for row in task["rows"])
    for name, doc in dataset.files.items():
        if doc.kind == "measure" and "how_to_apply" in doc.data:
            named = set(doc.data["responsible"]["units"]).union(*rows.get(doc.data["number"], [()]))
            yield from _measure_problems(doc, doc.data, named)


# The problems of one measure's how_to_apply: its points, then where to apply.
def _measure_problems(doc, measure, named: set):
    clauses = {clause["id"]: clause["zh"] for clause in measure["clauses"]}
    card = measure["how_to_apply"]
    for key in POINTS:
        for index, point in enumerate(card.get(key, ())):
            yield from _point_problems(doc, ("how_to_apply", key, index), point, measure["number"], clauses)
    for index, unit_id in enumerate(card.get("where", ())):
        if unit_id not in named:
            yield doc.error(("how_to_apply", "where", index), said(
                f"'{unit_id}' is not a responsible unit of measure {measure['number']}; write one of "
                f"{sorted(named)} (the units under responsible: or in its Annex 2 rows)",
                f"“{unit_id}”不是第{measure['number']}条的责任单位；请填写正文或附件2所列责任单位之一"))


# One point: either the document's words (clause + quote, found in that clause) or the unit's own (zh), never both.
def _point_problems(doc, path, point, number: int, clauses: dict):
    quoted, own = "clause" in point or "quote" in point, "zh" in point
    if quoted == own or (quoted and not {"clause", "quote"} <= set(point)):
        yield doc.error(path, said(
            "give either clause and quote (the document's words, copied from that clause) or zh (what the "
            "responsible unit supplies), with en",
            "请填写 clause 和 quote（条款原文，逐字摘录），或填写 zh（责任单位提供的内容），并填写 en"))
        return
    chinese = point.get("quote", point.get("zh"))
    for sub, message in language_problems({"zh": chinese, "en": point["en"]}):
        yield doc.error(path + (("quote",) if quoted and sub == ("zh",) else sub), message)
    if not quoted:
        return
    if point["clause"] not in clauses:
        yield doc.error(path + ("clause",), said(
            f"measure {number} has no clause '{point['clause']}'; write one of {sorted(clauses)}",
            f"第{number}条没有条款“{point['clause']}”"))
    elif squash(point["quote"]) not in squash(clauses[point["clause"]]):
        yield doc.error(path + ("quote",), said(
            f"quote not found in measure {number} clause {point['clause']}; copy the words exactly from the clause",
            f"在第{number}条 {point['clause']} 中找不到这段引文；请从条款原文逐字复制"))
