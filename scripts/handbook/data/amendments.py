"""Amendments as data: the clause texts and parameter values that revisions change from a date."""
from datetime import date, timedelta


# The instrument of a revision as cited beside what it changed: {number, title, date, link}.
def instrument_of(revision: dict) -> dict:
    instrument = revision["instrument"]
    return {"number": instrument["number"], "title": instrument["title"], "date": instrument["date"],
            "link": instrument.get("link")}


# Every amendment of one kind ("clause" or "parameter"), as (revision, amendment), in order of their dates.
def amendments_of(revisions: list, kind: str) -> list:
    found = [(revision, amendment) for revision in revisions for amendment in revision.get("amends", ())
             if kind in amendment]
    return sorted(found, key=lambda pair: pair[1]["from"])


# The day before an ISO date, as an ISO date.
def day_before(text: str) -> str:
    return (date.fromisoformat(text) - timedelta(days=1)).isoformat()


# A clause's versions after the original: [{from, zh, en, instrument}], for a (measure, clause id).
def clause_versions(revisions: list, measure: int, clause_id: str) -> list:
    return [{"from": amendment["from"], "zh": amendment["text"]["zh"], "en": amendment["text"]["en"],
             "instrument": instrument_of(revision)}
            for revision, amendment in amendments_of(revisions, "clause")
            if amendment["clause"] == {"measure": measure, "id": clause_id}]


# A parameter's dated values with every amendment applied: each new value runs from its date until the next,
# and the value it replaces ends the day before. Amended values carry their quote and instrument.
def amended_values(values: list, revisions: list, parameter_id: str) -> list:
    result = [dict(entry) for entry in values]
    changes = [(revision, amendment) for revision, amendment in amendments_of(revisions, "parameter")
               if amendment["parameter"] == parameter_id]
    for index, (revision, amendment) in enumerate(changes):
        start = amendment["from"]
        for entry in result:
            if entry["start"] < start and (entry["end"] is None or entry["end"] >= start):
                entry["end"] = day_before(start)
        following = changes[index + 1][1]["from"] if index + 1 < len(changes) else None
        result.append({"start": start, "end": day_before(following) if following else None,
                       "value": str(amendment["value"]), "quote": amendment["quote"],
                       "instrument": instrument_of(revision)})
    return result
