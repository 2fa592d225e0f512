"""Periods of each parameter follow each other without gaps, unless the data states the gap (gap_before: true)."""
from datetime import date, timedelta

from .errors import said

DAY = timedelta(days=1)


# Every unstated gap, and every stated gap that is not there, as located errors.
def check_periods(dataset):
    for name, doc in dataset.files.items():
        if doc.kind != "parameters":
            continue
        for index, parameter in enumerate(doc.data["parameters"]):
            for entry_index, key, message in gap_problems(parameter["values"]):
                yield doc.error(("parameters", index, "values", entry_index, key), message)


# (entry index, key, message) for each gap between consecutive periods that the data does not state.
def gap_problems(values: list):
    ordered = sorted(enumerate(values), key=lambda pair: pair[1]["start"])
    first_index, first = ordered[0]
    if first.get("gap_before"):
        yield first_index, "gap_before", said("the first period has no period before it; remove `gap_before: true`",
                                              "第一个期间之前没有期间；请删去 gap_before: true")
    for (_, before), (index, entry) in zip(ordered, ordered[1:]):
        if not before["end"]:
            continue
        first_missing, start = date.fromisoformat(before["end"]) + DAY, date.fromisoformat(entry["start"])
        if start > first_missing and not entry.get("gap_before"):
            last_missing = (start - DAY).isoformat()
            yield index, "start", said(
                f"no value from {first_missing} to {last_missing}: the period before ends {before['end']}; "
                f"start this period on {first_missing}, or, if the gap is on purpose, add `gap_before: true`",
                f"{first_missing}至{last_missing}没有取值：上一期间止于{before['end']}；请把本期间的开始日改为"
                f"{first_missing}，如确为有意留空，请加上 gap_before: true")
        elif start == first_missing and entry.get("gap_before"):
            yield index, "gap_before", said(
                f"there is no gap: the period before ends {before['end']}; remove `gap_before: true`",
                f"与上一期间之间没有空档（上一期间止于{before['end']}）；请删去 gap_before: true")
