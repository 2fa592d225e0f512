"""The deadlines calendar: every dated period the parameters carry becomes one all-day iCalendar (RFC 5545) event,
in a file per measure (calendar/05.ics) and one for the whole document (calendar/all.ics), per language."""
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from icalendar import Calendar, Event

from .citations import clause_cite

FOLDER = "calendar"


# The dated periods of one measure (or of all, number None), each {measure, start, end (inclusive), parameters},
# one per distinct (measure, start, end); a period with no end date is no event. Sorted by measure, then start.
def events(data: dict, number: int = None) -> list:
    found = {}
    for parameter in data["parameters"].values():
        for value in parameter["values"]:
            if value["end"] and number in (None, parameter["measure"]):
                key = (parameter["measure"], value["start"], value["end"])
                found.setdefault(key, []).append(parameter)
    return [{"measure": key[0], "start": key[1], "end": key[2], "parameters": found[key]} for key in sorted(found)]


# Measures with at least one dated event.
def measures_with_events(data: dict) -> set:
    return {event["measure"] for event in events(data)}


# The calendar file's path for a measure (None: the whole document), relative to the language's site root.
def calendar_path(number: int = None) -> str:
    return f"{FOLDER}/{'all' if number is None else f'{number:02d}'}.ics"


# One iCalendar file as bytes (CRLF lines, folded at 75 octets by icalendar): the events of a measure, or all of
# them; DTSTAMP is the build date at midnight UTC; address is the site's address in this language, or None.
def calendar_bytes(ctx, number: int = None, address: str = None) -> bytes:
    document = ctx.data["document"]
    calendar = Calendar()
    calendar.add("prodid", f"-//policy-handbook//{document['id']}//{ctx.language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", ctx.label("calendar_name", document=ctx.t(document["number"])))
    stamp = datetime.combine(ctx.today, time(0), tzinfo=timezone.utc)
    for found in events(ctx.data, number):
        calendar.add_component(_event(ctx, found, stamp, address))
    return calendar.to_ical()


# One all-day event: DTEND is the day after the inclusive last day; the summary and description cite the clause.
def _event(ctx, found: dict, stamp: datetime, address: str) -> Event:
    measure = next(measure for measure in ctx.data["measures"] if measure["number"] == found["measure"])
    clauses = list(dict.fromkeys(parameter["clause"] for parameter in found["parameters"]))
    citations = [clause_cite(ctx, measure["number"], clause) for clause in clauses]
    event = Event()
    event.add("uid", f"{ctx.data['document']['id']}-{measure['number']:02d}-{found['start']}-{found['end']}-"
                     f"{ctx.language}@policy-handbook")
    event.add("dtstamp", stamp)
    event.add("dtstart", date.fromisoformat(found["start"]))
    event.add("dtend", date.fromisoformat(found["end"]) + timedelta(days=1))
    event.add("summary", ctx.label("calendar_summary", title=ctx.t(measure["title"]), citation=citations[0]))
    lines = [ctx.label("calendar_period", start=found["start"], end=found["end"])]
    lines += [ctx.t(parameter["name"]) for parameter in found["parameters"]]
    lines += [f"{citation}{ctx.label('colon')}“{quote}”" for citation, quote in zip(citations, _quotes(found, clauses))]
    page = f"measures/{measure['number']:02d}/"
    if address:
        event.add("url", address.rstrip("/") + "/" + page + f"#{clauses[0]}")
        lines.append(address.rstrip("/") + "/" + page)
    event.add("description", "\n".join(lines))
    event.add("transp", "TRANSPARENT")
    return event


# The distinct quotes of a period, one per clause in clause order.
def _quotes(found: dict, clauses: list) -> list:
    return ["”“".join(dict.fromkeys(parameter["quote"] for parameter in found["parameters"]
                                  if parameter["clause"] == clause)) for clause in clauses]


# Write calendar/<measure>.ics for every measure with events, and calendar/all.ics, under site_dir.
def write_calendars(site_dir: Path, ctx, address: str = None) -> None:
    folder = Path(site_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for number in sorted(measures_with_events(ctx.data)):
        (folder / Path(calendar_path(number)).name).write_bytes(calendar_bytes(ctx, number, address))
    (folder / "all.ics").write_bytes(calendar_bytes(ctx, None, address))
