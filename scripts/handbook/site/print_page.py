"""The whole document on one page, for printing or saving as PDF: the notice, every measure and both annexes."""
from .citations import annex1_anchor, annex1_cite, annex2_cite, clause_cite
from .pages import PRINT_URI, Context, Page, annexes, section_title
from .render import block, esc, md_text, table, tag


# The print page (print/index.md): the notice with its facts, the plan by section and measure, then the annexes.
def print_page(ctx: Context) -> Page:
    document = ctx.data["document"]
    facts = [(ctx.label("issuer"), ctx.t(document["issuer"])), (ctx.label("number"), ctx.t(document["number"])),
             (ctx.label("date"), ctx.t(document["date_as_written"]))]
    body = (tag("dl", "".join(tag("dt", esc(name)) + tag("dd", esc(value)) for name, value in facts), class_="hb-facts")
            + tag("p", esc(ctx.t(document["title"])), class_="hb-doc-title")
            + tag("p", esc(ctx.label("list_join").join(ctx.t(item) for item in document["recipients"])
                           + ctx.label("colon").strip()))
            + tag("p", esc(ctx.t(document["notice"])))
            + tag("p", esc(ctx.t(document["signed_by"])) + "<br>" + esc(ctx.t(document["date_as_written"])),
                  class_="hb-signed")
            + tag("h2", esc(ctx.t(document["plan_title"])), id="plan") + tag("p", esc(ctx.t(document["preamble"])))
            + "".join(_section(ctx, section) for section in ctx.data["sections"])
            + "".join({"annex1": _annex1, "annex2": _annex2}[kind](ctx) for kind, _ in annexes(ctx)))
    title = ctx.label("print_title")
    return Page(PRINT_URI, title, f"# {md_text(title)}\n" + block(tag("div", body, class_="hb-print")),
                ctx.files["document"])


# One section's title and its measures, each with its clauses and responsible units.
def _section(ctx: Context, section: dict) -> str:
    measures = [measure for measure in ctx.data["measures"] if measure["section"] == section["number"]]
    return tag("h2", esc(section_title(ctx, section)), id=f"section-{section['number']:02d}") + "".join(
        tag("h3", esc(f"{measure['number']}. {ctx.t(measure['title'])}"), id=f"m{measure['number']:02d}")
        + tag("ol", "".join(_clause(ctx, measure, clause) for clause in measure["clauses"]), class_="hb-clauses")
        + tag("p", tag("strong", esc(ctx.label("responsible"))) + ctx.label("colon")
              + esc(_responsible(ctx, measure["responsible"])))
        for measure in measures)


# One clause with its print-page anchor (m05-c1) and citation; English shows the Chinese beneath.
def _clause(ctx: Context, measure: dict, clause: dict) -> str:
    original = tag("span", esc(clause["zh"]), lang="zh", class_="hb-original") if ctx.language == "en" else ""
    return tag("li", tag("span", esc(clause[ctx.language])) + original, id=f"m{measure['number']:02d}-{clause['id']}",
               data_citation=clause_cite(ctx, measure["number"], clause["id"]))


# Responsible units as written (zh) or by their registry names (en).
def _responsible(ctx: Context, responsible: dict) -> str:
    if ctx.language == "zh":
        return responsible["written"]
    names = {unit["id"]: unit["name"]["en"] for unit in ctx.data["units"]}
    return ", ".join(names[unit_id] for unit_id in responsible["units"])


# Annex 1, the leading group, as a table.
def _annex1(ctx: Context) -> str:
    annex = ctx.data["annex1"]
    names = {unit["id"]: ctx.t(unit["name"]) for unit in ctx.data["units"]}
    rows = [[tag("span", esc(ctx.label(member["role"])), id=annex1_anchor(index), data_citation=annex1_cite(ctx, index)),
             esc(member["name"]["zh"]) + (f" ({esc(member['pinyin'])})" if ctx.language == "en" else ""),
             esc(ctx.t(member["post"])), esc(names[member["unit"]])] for index, member in enumerate(annex["members"])]
    return (tag("h2", esc(ctx.label("annex1")), id="annex-1") + tag("p", esc(ctx.t(annex["title"])), class_="hb-doc-title")
            + table([ctx.label(key) for key in ("role", "name", "post", "unit")], rows)
            + tag("p", tag("strong", esc(ctx.label("office"))) + ctx.label("colon") + esc(ctx.t(annex["office"]))))


# Annex 2, the task list, as a table.
def _annex2(ctx: Context) -> str:
    annex = ctx.data["annex2"]
    rows = [[tag("span", esc(row["id"]), id=row["id"], data_citation=annex2_cite(ctx, row["id"])),
             esc(ctx.label("measure", number=task["measure"])),
             esc(ctx.t(row["text"])) + (tag("span", esc(row["text"]["zh"]), lang="zh", class_="hb-original")
                                        if ctx.language == "en" else ""),
             esc(_responsible(ctx, row["responsible"]))]
            for task in annex["tasks"] for row in task["rows"]]
    return (tag("h2", esc(ctx.label("annex2")), id="annex-2") + tag("p", esc(ctx.t(annex["title"])), class_="hb-doc-title")
            + tag("p", esc(ctx.label("main_text_governs")), class_="hb-governs")
            + table(["#", ctx.label("task"), ctx.label("task_text"), ctx.label("responsible")], rows))
