"""Every generated page of the handbook, as Markdown with escaped HTML blocks."""
import posixpath
from dataclasses import dataclass
from datetime import date

from calculators import catalog
from calculators.units import UNITS

from .citations import annex1_anchor, annex1_cite, annex2_cite, clause_citation, clause_cite
from .how_to_apply import apply_card
from .ical import calendar_path, measures_with_events
from .labels import label
from .render import block, esc, link, md_text, table, tag


@dataclass
class Page:
    """One generated page: where it goes, what it says, and the data file it comes from."""

    uri: str
    title: str
    markdown: str
    source: str


@dataclass
class Context:
    """What every page needs: the data, the language and the date the status is computed for."""

    data: dict
    language: str
    today: date
    files: dict
    to_root_language: str = "../"  # from a translation's root to the original's (another path in a library)

    # Text of a bilingual value in the page's language.
    def t(self, value) -> str:
        return value[self.language]

    # A label in the page's language.
    def label(self, key: str, **values) -> str:
        return label(key, self.language, **values)


# The directory URL of a page source, e.g. measures/05.md -> measures/05/.
def page_url(uri: str) -> str:
    stem = uri[:-3]
    if stem == "index":
        return ""
    return (stem[:-len("index")] if stem.endswith("/index") else stem + "/")


# A relative link from one page to another (both given as source uris), plus an anchor.
def href(from_uri: str, to_uri: str, anchor: str = "") -> str:
    start, target = "/" + page_url(from_uri), "/" + page_url(to_uri)
    relative = posixpath.relpath(target, start.rstrip("/") or "/") if start != target else "."
    relative = "./" if relative == "." else relative + "/"
    return relative + (f"#{anchor}" if anchor else "")


def measure_uri(number: int) -> str:
    return f"measures/{number:02d}.md"


def section_uri(number: int) -> str:
    return f"sections/{number:02d}.md"


def unit_uri(unit_id: str) -> str:
    return f"units/{unit_id}.md"


FINDER = "policy-finder"
PRINT_URI = "print/index.md"


def calculator_uri(calculator_id: str) -> str:
    return f"calculators/{calculator_id}.md"


# The catalog entries of the calculators this document enables (document.yaml: calculators).
def enabled(data: dict) -> list:
    wanted = data["document"].get("calculators", [])
    return [entry for entry in catalog() if entry["id"] in wanted]


# Calculators that apply to one measure (the finder applies to none).
def calculators_for(data: dict, measure: int) -> list:
    return [entry for entry in enabled(data) if entry["measure"] == measure and entry["id"] != FINDER]


# Links to the units a responsible list names, keeping the source's wording in a tooltip.
def unit_links(ctx: Context, here: str, unit_ids) -> str:
    units = {unit["id"]: unit for unit in ctx.data["units"]}
    return "、".join(link(href(here, unit_uri(unit_id)), ctx.t(units[unit_id]["name"])) for unit_id in unit_ids) \
        if ctx.language == "zh" else ", ".join(
            link(href(here, unit_uri(unit_id)), ctx.t(units[unit_id]["name"])) for unit_id in unit_ids)


# A period written for readers.
def period_text(ctx: Context, start: str, end) -> str:
    return f"{start} – {end}" if end else f"{start} – ({ctx.label('open_end')})"


# The period a measure's parameters span, (first start, last end or None), or None when it has no dated values.
def measure_period(ctx: Context, number: int):
    values = [value for parameter in ctx.data["parameters"].values() if parameter["measure"] == number
              for value in parameter["values"]]
    if not values:
        return None
    ends = [value["end"] for value in values]
    return min(value["start"] for value in values), (None if None in ends else max(ends))


# Status of a measure as of ctx.today (the build date): a period starting later is never in force.
def measure_status(ctx: Context, number: int) -> str:
    period = measure_period(ctx, number)
    if period is None:
        return ctx.label("no_dates")
    (start, end), today = period, ctx.today.isoformat()
    if today < start:
        return ctx.label("not_yet", start=start, today=today)
    if end is None:
        return ctx.label("no_end", start=start, today=today)
    if end < today:
        return ctx.label("expired", start=start, end=end, today=today)
    return ctx.label("in_force", today=today)


# The status line: the build-time status, with the period and wordings that in-force.js redoes for the reader's day.
def status_line(ctx: Context, number: int) -> str:
    period = measure_period(ctx, number)
    text = tag("span", esc(measure_status(ctx, number)), class_="hb-status-text")
    heading = tag("strong", esc(ctx.label("status"))) + ctx.label("colon")
    if period is None:
        return tag("p", heading + text, class_="hb-status")
    wordings = {f"data_{key}": ctx.label(key, start="{start}", end="{end}", today="{today}")
                for key in ("not_yet", "no_end", "expired", "in_force")}
    return tag("p", heading + text, class_="hb-status", data_start=period[0], data_end=period[1] or "",
               data_built=ctx.today.isoformat(), **wordings)


# Whether the document has an optional part ("annex1", "annex2", "notes").
def has_part(ctx: Context, kind: str) -> bool:
    return kind in ctx.data["parts"]


# The annexes the document has, as (label key, page uri).
def annexes(ctx: Context) -> list:
    return [(kind, uri) for kind, uri in (("annex1", "annex-1.md"), ("annex2", "annex-2.md")) if has_part(ctx, kind)]


# Editorial notes attached to a measure, as a list.
def notes_list(ctx: Context, notes) -> str:
    items = "".join(tag("li", tag("q", esc(note["quote"]), lang="zh") + " — " + esc(ctx.t(note["text"])),
                        id=f"note-{note['id']}") for note in notes)
    return tag("ul", items, class_="hb-notes") if items else tag("p", esc(ctx.label("none")))


# The home page: the notice, what the plan does, and ways in for each kind of reader.
def home_page(ctx: Context) -> Page:
    document, here = ctx.data["document"], "index.md"
    facts = [(ctx.label("issuer"), esc(ctx.t(document["issuer"]))), (ctx.label("number"), esc(ctx.t(document["number"]))),
             (ctx.label("date"), esc(document["date"])),
             (ctx.label("recipients"), esc("，".join(ctx.t(item) for item in document["recipients"])
                                           if ctx.language == "zh" else "; ".join(ctx.t(item) for item in document["recipients"])))]
    facts_html = tag("dl", "".join(tag("dt", esc(name)) + tag("dd", value) for name, value in facts), class_="hb-facts")
    summary = tag("p", esc(ctx.t(document["summary"]))) if "summary" in document else ""
    sections = "".join(tag("li", link(href(here, section_uri(section["number"])), ctx.t(section["title"])))
                       for section in ctx.data["sections"])
    officials = tag("ul", tag("li", link(href(here, "units/index.md"), ctx.label("units")))
                    + tag("li", link(href(here, "open-data.md"), ctx.label("open_data")))
                    + "".join(tag("li", link(href(here, uri), ctx.label(kind))) for kind, uri in annexes(ctx)[::-1]))
    body = (facts_html + tag("p", esc(ctx.t(document["notice"]))) + summary
            + tag("h2", esc(ctx.label("for_public")), id="public") + tag("ol", sections)
            + tag("p", link(href(here, PRINT_URI), ctx.label("print_all")), class_="hb-print-link")
            + tag("h2", esc(ctx.label("for_enterprises" if ctx.data["document"].get("calculators") else "for_figures")),
                  id="enterprises")
            + tag("ul", _calculator_entrances(ctx, here) + tag("li", link(href(here, "key-figures.md"), ctx.label("key_figures"))))
            + tag("h2", esc(ctx.label("for_officials")), id="officials") + officials)
    title = ctx.t(document["plan_title"])
    return Page(here, title, f"# {md_text(title)}\n" + block(body), ctx.files["document"])


# Links to the policy finder and the calculators, when the document enables them.
def _calculator_entrances(ctx: Context, here: str) -> str:
    wanted = ctx.data["document"].get("calculators", [])
    finder = tag("li", link(href(here, "calculators/policy-finder.md"), ctx.label("finder"))) \
        if FINDER in wanted else ""
    return finder + (tag("li", link(href(here, "calculators/index.md"), ctx.label("calculators"))) if wanted else "")


# A section page: its title and the list of its measures.
def section_page(ctx: Context, section: dict) -> Page:
    here = section_uri(section["number"])
    measures = [measure for measure in ctx.data["measures"] if measure["section"] == section["number"]]
    items = "".join(tag("li", link(href(here, measure_uri(measure["number"])),
                                   f"{measure['number']}. {ctx.t(measure['title'])}")
                        + tag("p", esc(_first_words(ctx, measure))))
                    for measure in measures)
    title = section_title(ctx, section)
    return Page(here, title, f"# {md_text(title)}\n" + block(tag("ol", items, class_="hb-measure-list")),
                ctx.files["sections"])


# The first clause of a measure, shortened for a list.
def _first_words(ctx: Context, measure: dict) -> str:
    text = measure["clauses"][0][ctx.language]
    return text if len(text) <= 120 else text[:118] + "…"


# A measure page: full text by clause, units, key figures, status, Annex 2 rows and notes.
def measure_page(ctx: Context, measure: dict) -> Page:
    number, here = measure["number"], measure_uri(measure["number"])
    section = next(section for section in ctx.data["sections"] if section["number"] == measure["section"])
    clauses = "".join(_clause_item(ctx, measure, clause) for clause in measure["clauses"])
    parameters = [parameter for parameter in ctx.data["parameters"].values() if parameter["measure"] == number]
    rows = [row for task in ctx.data["annex2"]["tasks"] if task["measure"] == number for row in task["rows"]]
    notes = [note for note in ctx.data["notes"] if note.get("measure") == number
             or note.get("annex2_row") in {row["id"] for row in rows}]
    body = (tag("p", link(href(here, section_uri(section["number"])), section_title(ctx, section)), class_="hb-crumb")
            + status_line(ctx, number)
            + tag("ol", clauses, class_="hb-clauses")
            + apply_card(ctx, measure, lambda clause_id: clause_citation(ctx, number, clause_id),
                         unit_links(ctx, here, measure.get("how_to_apply", {}).get("where", [])))
            + _calendar_link(ctx, number)
            + _calculator_links(ctx, here, number)
            + tag("h2", esc(ctx.label("responsible")), id="responsible")
            + tag("p", unit_links(ctx, here, measure["responsible"]["units"]))
            + (tag("h2", esc(ctx.label("key_figures")), id="key-figures") + _figures_table(ctx, here, parameters)
               if parameters else "")
            + (tag("h2", esc(ctx.label("annex2_rows")), id="annex-2")
               + _annex2_table(ctx, here, [(number, row) for row in rows])
               + tag("p", esc(ctx.label("main_text_governs")), class_="hb-governs") if has_part(ctx, "annex2") else "")
            + (tag("h2", esc(ctx.label("notes")), id="notes") + notes_list(ctx, notes) if has_part(ctx, "notes") else ""))
    title = f"{number}. {ctx.t(measure['title'])}"
    return Page(here, title, f"# {md_text(title)}\n" + block(body), ctx.files[("measure", number)])


# "Add to calendar", linking the measure's iCalendar file, for a measure with dated periods; else "".
def _calendar_link(ctx: Context, number: int) -> str:
    if number not in measures_with_events(ctx.data):
        return ""
    return tag("p", link("../../" + calendar_path(number), ctx.label("add_to_calendar"), type="text/calendar",
                         download=calendar_path(number).split("/")[-1]), class_="hb-calendar")


# Links to the calculators that apply to a measure, if any.
def _calculator_links(ctx: Context, here: str, number: int) -> str:
    entries = calculators_for(ctx.data, number)
    if not entries:
        return ""
    items = "".join(tag("li", link(href(here, calculator_uri(entry["id"])), ctx.t(entry["title"]))) for entry in entries)
    return tag("h2", esc(ctx.label("calculator_for")), id="calculators") + tag("ul", items)


# A section's name as its page, the navigation and breadcrumbs show it: 一、… in Chinese, Section 1: … in English.
def section_title(ctx: Context, section: dict) -> str:
    return ctx.label("section_title", numeral=section["numeral"], number=section["number"], title=ctx.t(section["title"]))


# One clause with its anchor; English pages show the Chinese original beneath. An amended clause shows the
# version in force (chosen at build, redone for the reader's day by in-force.js) and every version one click away.
def _clause_item(ctx: Context, measure: dict, clause: dict) -> str:
    anchor = tag("a", "¶", href=f"#{clause['id']}", class_="hb-anchor",
                 aria_label=clause_citation(ctx, measure["number"], clause["id"]))
    citation = clause_cite(ctx, measure["number"], clause["id"])
    if not clause.get("versions"):
        return tag("li", anchor + " " + _clause_text(ctx, clause), id=clause["id"], data_citation=citation)
    versions = _clause_versions(ctx, clause)
    today = ctx.today.isoformat()
    shown = "".join(tag("div", _clause_text(ctx, version) + tag("small", version["mark"], class_="hb-amended-mark"),
                        class_="hb-version", data_from=version["start"] or "", data_until=version["end"] or "",
                        hidden=None if _covers(version, today) else "hidden") for version in versions)
    every = "".join(tag("li", tag("small", version["mark"]) + " " + _clause_text(ctx, version)) for version in versions)
    history = tag("details", tag("summary", esc(ctx.label("clause_versions"))) + tag("ol", every), class_="hb-versions")
    return tag("li", anchor + " " + shown + history, id=clause["id"], class_="hb-amended", data_citation=citation)


# A clause text in the page's language; English pages add the Chinese beneath.
def _clause_text(ctx: Context, clause: dict) -> str:
    original = tag("span", esc(clause["zh"]), lang="zh", class_="hb-original") if ctx.language == "en" else ""
    return tag("span", esc(clause[ctx.language])) + original


# The original and every amended version of a clause: {zh, en, start, end, mark (safe HTML)}.
def _clause_versions(ctx: Context, clause: dict) -> list:
    from ..data.amendments import day_before
    later = clause["versions"]
    versions = [{"zh": clause["zh"], "en": clause["en"], "start": None, "end": day_before(later[0]["from"]),
                 "mark": esc(ctx.label("original_until", end=day_before(later[0]["from"])))}]
    for index, version in enumerate(later):
        end = day_before(later[index + 1]["from"]) if index + 1 < len(later) else None
        versions.append({"zh": version["zh"], "en": version["en"], "start": version["from"], "end": end,
                         "mark": _amended_mark(ctx, version["instrument"], version["from"])})
    return versions


# "Amended by <instrument> from <date>", the instrument linked when it has a link.
def _amended_mark(ctx: Context, instrument: dict, start: str) -> str:
    number = ctx.t(instrument["number"])
    text = esc(ctx.label("amended_by", number=number, start=start))
    if not instrument.get("link"):
        return text
    return text.replace(esc(number), tag("a", esc(number), href=instrument["link"], title=ctx.t(instrument["title"])), 1)


# Whether an ISO date lies in a version's [start, end] (None: open).
def _covers(version: dict, day: str) -> bool:
    return (version["start"] is None or version["start"] <= day) and (version["end"] is None or day <= version["end"])


# A key-figures table for a list of parameters.
def _figures_table(ctx: Context, here: str, parameters) -> str:
    rows = []
    for parameter in parameters:
        for value in parameter["values"]:
            clause_link = link(href(here, measure_uri(parameter["measure"]), parameter["clause"]),
                               clause_citation(ctx, parameter["measure"], parameter["clause"]))
            reading = "<br>" + tag("small", esc(ctx.t(parameter["reading"]))) if parameter.get("reading") else ""
            amended = "<br>" + tag("small", _amended_mark(ctx, value["instrument"], value["start"])) \
                if value.get("instrument") else ""
            rows.append([esc(ctx.t(parameter["name"])) + reading, esc(format_value(ctx, parameter, value["value"])),
                         esc(period_text(ctx, value["start"], value["end"])), clause_link,
                         tag("q", esc(value.get("quote", parameter["quote"])), lang="zh") + amended])
    headers = [ctx.label(key) for key in ("parameter", "value", "period", "clause", "quote")]
    return table(headers, rows)


# A parameter value with its unit, in words.
def format_value(ctx: Context, parameter: dict, value: str) -> str:
    return UNITS[parameter["unit"]].show(value, ctx.language)


# Annex 2 rows as a table; each row is (measure number, row).
def _annex2_table(ctx: Context, here: str, rows) -> str:
    cells = []
    for number, row in rows:
        responsible = esc(row["responsible"]["written"]) if ctx.language == "zh" else \
            unit_links(ctx, here, row["responsible"]["units"])
        text = esc(ctx.t(row["text"])) + (tag("span", esc(row["text"]["zh"]), lang="zh", class_="hb-original")
                                          if ctx.language == "en" else "")
        cells.append([tag("span", esc(row["id"]), id=row["id"], data_citation=annex2_cite(ctx, row["id"])),
                      link(href(here, measure_uri(number)), ctx.label("measure", number=number)), text,
                      responsible + ("<br>" + unit_links(ctx, here, row["responsible"]["units"])
                                     if ctx.language == "zh" else "")])
    headers = ["#", ctx.label("task"), ctx.label("task_text"), ctx.label("responsible")]
    return table(headers, cells)


# Annex 1: the leading group as a table, and its office.
def annex1_page(ctx: Context) -> Page:
    annex, here = ctx.data["annex1"], "annex-1.md"
    rows = [[tag("span", esc(ctx.label(member["role"])), id=annex1_anchor(index), data_citation=annex1_cite(ctx, index)),
             esc(member["name"]["zh"]) + (f" ({esc(member['pinyin'])})" if ctx.language == "en" else ""),
             esc(ctx.t(member["post"])), link(href(here, unit_uri(member["unit"])), _unit_name(ctx, member["unit"]))]
            for index, member in enumerate(annex["members"])]
    headers = [ctx.label(key) for key in ("role", "name", "post", "unit")]
    body = table(headers, rows) + tag("h2", esc(ctx.label("office")), id="office") + tag("p", esc(ctx.t(annex["office"])))
    title = ctx.label("annex1")
    return Page(here, title, f"# {md_text(title)}\n\n{md_text(ctx.t(annex['title']))}\n" + block(body), ctx.files["annex1"])


# A unit's name in the page's language.
def _unit_name(ctx: Context, unit_id: str) -> str:
    return next(ctx.t(unit["name"]) for unit in ctx.data["units"] if unit["id"] == unit_id)


# Annex 2: the whole task list, with its own title and the attachment list's title.
def annex2_page(ctx: Context) -> Page:
    annex, here = ctx.data["annex2"], "annex-2.md"
    rows = [(task["measure"], row) for task in annex["tasks"] for row in task["rows"]]
    notes = [note for note in ctx.data["notes"] if note.get("part") == "annex2"]
    body = (tag("p", esc(ctx.t(annex["title"])), class_="hb-doc-title")
            + tag("p", esc(ctx.label("main_text_governs")), class_="hb-governs")
            + _annex2_table(ctx, here, rows) + tag("h2", esc(ctx.label("notes")), id="notes") + notes_list(ctx, notes))
    title = ctx.label("annex2")
    return Page(here, title, f"# {md_text(title)}\n" + block(body), ctx.files["annex2"])


# A unit page: its measures, its Annex 2 tasks and its member of the leading group.
def unit_page(ctx: Context, unit: dict) -> Page:
    here = unit_uri(unit["id"])
    measures = [measure for measure in ctx.data["measures"] if unit["id"] in measure["responsible"]["units"]]
    rows = [(task["measure"], row) for task in ctx.data["annex2"]["tasks"] for row in task["rows"]
            if unit["id"] in row["responsible"]["units"]]
    members = [member for member in ctx.data["annex1"]["members"] if member["unit"] == unit["id"]]
    measure_items = "".join(tag("li", link(href(here, measure_uri(measure["number"])),
                                           f"{measure['number']}. {ctx.t(measure['title'])}")) for measure in measures)
    member_items = "".join(tag("li", esc(f"{ctx.label(member['role'])}: {member['name']['zh']} "
                                         f"{member['pinyin'] if ctx.language == 'en' else ''} — {ctx.t(member['post'])}"))
                           for member in members)
    variants = tag("p", esc(" / ".join([unit["name"]["zh"]] + unit.get("variants", []))), lang="zh")
    body = (variants + tag("h2", esc(ctx.label("unit_measures")), id="measures")
            + (tag("ul", measure_items) if measure_items else tag("p", esc(ctx.label("none"))))
            + tag("h2", esc(ctx.label("unit_tasks")), id="tasks")
            + (_annex2_table(ctx, here, rows) if rows else tag("p", esc(ctx.label("none"))))
            + tag("h2", esc(ctx.label("unit_members")), id="members")
            + (tag("ul", member_items) if member_items else tag("p", esc(ctx.label("none")))))
    title = ctx.t(unit["name"])
    return Page(here, title, f"# {md_text(title)}\n" + block(body), ctx.files["units"])


# The index of all units, with how many measures and tasks each carries.
def units_index_page(ctx: Context) -> Page:
    here = "units/index.md"
    rows = []
    for unit in ctx.data["units"]:
        measures = sum(unit["id"] in measure["responsible"]["units"] for measure in ctx.data["measures"])
        tasks = sum(unit["id"] in row["responsible"]["units"] for task in ctx.data["annex2"]["tasks"] for row in task["rows"])
        rows.append([link(href(here, unit_uri(unit["id"])), ctx.t(unit["name"])), esc(measures), esc(tasks)])
    headers = [ctx.label("unit"), ctx.label("unit_measures"), ctx.label("unit_tasks")]
    title = ctx.label("units")
    return Page(here, title, f"# {md_text(title)}\n" + block(table(headers, rows)), ctx.files["units"])


# Every parameter in one table, linked to its clause.
def key_figures_page(ctx: Context) -> Page:
    here = "key-figures.md"
    title = ctx.label("key_figures")
    return Page(here, title, f"# {md_text(title)}\n" + block(_figures_table(ctx, here, ctx.data["parameters"].values())),
                ctx.files["parameters"])


# The verified-copy note: original.txt's recorded SHA-256 and, when known, the link to the published original.
def _verified_copy(ctx: Context) -> str:
    published = ctx.data["document"].get("original")
    if not published:
        return ""
    source = " " + link(published["link"], ctx.label("published_source")) if published.get("link") else ""
    return tag("p", esc(ctx.label("verified_copy", sha256=published["sha256"])) + source, class_="hb-verified")


# The original text as published, line by line, with its verified-copy note.
def original_page(ctx: Context, original: str) -> Page:
    title = ctx.label("original")
    body = _verified_copy(ctx) + tag("div", "".join(tag("p", esc(line)) for line in original.splitlines() if line.strip()),
               lang="zh", class_="hb-original-text")
    return Page("original.md", title, f"# {md_text(title)}\n" + block(body), ctx.files["source"])


# About the translation, with every editorial note.
def translation_page(ctx: Context) -> Page:
    here = "translation.md"
    items = []
    for note in ctx.data["notes"]:
        where = link(href(here, measure_uri(note["measure"])), ctx.label("measure", number=note["measure"])) \
            if "measure" in note else esc(note.get("annex2_row") or note.get("part") or note.get("unit"))
        items.append([where, tag("q", esc(note["quote"]), lang="zh"), esc(ctx.t(note["text"]))])
    headers = [ctx.label("clause"), ctx.label("quote"), ctx.label("editorial_note")]
    intro = tag("p", esc(ctx.label("unofficial") or ctx.label("main_text_governs")))
    title = ctx.label("translation")
    return Page(here, title, f"# {md_text(title)}\n" + block(intro + table(headers, items)), ctx.files["notes"])


# The search page: a form that works as a link target, filled in by search.js.
def search_page(ctx: Context) -> Page:
    form = tag("form", tag("label", esc(ctx.label("search")), for_="hb-search-page-q")
               + f'<input id="hb-search-page-q" name="q" type="search" placeholder="{esc(ctx.label("search_placeholder"))}">'
               + tag("button", esc(ctx.label("search")), type="submit"), role="search", action="./", class_="hb-search-page")
    body = form + tag("noscript", tag("p", esc(ctx.label("search_needs_js")))) + \
        tag("ol", "", id="hb-search-results", aria_live="polite", data_none=ctx.label("search_none"))
    title = ctx.label("search")
    return Page("search.md", title, f"# {md_text(title)}\n" + block(body), ctx.files["document"])


# The list of dated revisions: when, by which instrument (or first publication), and what changed.
def revisions_page(ctx: Context) -> Page:
    rows = [[esc(revision["date"]), _revision_source(ctx, revision), esc(ctx.t(revision["changes"]))]
            for revision in ctx.data["revisions"]]
    headers = [ctx.label("revision_date"), ctx.label("instrument"), ctx.label("changes")]
    title = ctx.label("revisions")
    return Page("revisions.md", title, f"# {md_text(title)}\n" + block(table(headers, rows)), ctx.files["revisions"])


# The instrument of a revision (number, title and date, linked when it has a link), or the document it published.
def _revision_source(ctx: Context, revision: dict) -> str:
    if "instrument" not in revision:
        return esc(ctx.t(revision["document"])) if "document" in revision else ""
    instrument = revision["instrument"]
    number = link(instrument["link"], ctx.t(instrument["number"])) if instrument.get("link") \
        else esc(ctx.t(instrument["number"]))
    return f"{number} {esc(ctx.t(instrument['title']))} ({esc(instrument['date'])})"


# The open-data files, for re-use: the whole dataset as JSON with its schemas, and two CSV tables.
def open_data_page(ctx: Context) -> Page:
    from ..data.schema import FILES
    root = "../" + (ctx.to_root_language if ctx.language != "zh" else "")
    files = [("data/handbook.json", "JSON"), ("data/parameters.csv", "CSV"), ("data/annex2-tasks.csv", "CSV")]
    files += [(f"data/schema/{name}.schema.json", "JSON Schema") for name in FILES]
    rows = [[link(root + path, path.split("/")[-1]), esc(kind), esc(ctx.label(f"data_{path.split('/')[-1].split('.')[0]}")
                                                                   if kind != "JSON Schema" else ctx.label("data_schema"))]
            for path, kind in files]
    title = ctx.label("open_data")
    body = tag("p", esc(ctx.label("open_data_intro"))) + table([ctx.label("source_file"), "", ctx.label("text")], rows) \
        + _verified_copy(ctx)
    return Page("open-data.md", title, f"# {md_text(title)}\n" + block(body), ctx.files["document"])


# Every page generated from the document's parts for one language (the glossary and calculator pages have modules of
# their own, which import this one).
def all_pages(ctx: Context, original: str) -> list:
    pages = [home_page(ctx), units_index_page(ctx), key_figures_page(ctx),
             translation_page(ctx), search_page(ctx), revisions_page(ctx), open_data_page(ctx)]
    pages += [{"annex1": annex1_page, "annex2": annex2_page}[kind](ctx) for kind, _ in annexes(ctx)]
    pages += [section_page(ctx, section) for section in ctx.data["sections"]]
    pages += [measure_page(ctx, measure) for measure in ctx.data["measures"]]
    pages += [unit_page(ctx, unit) for unit in ctx.data["units"]]
    if original:
        pages.append(original_page(ctx, original))
    return pages
