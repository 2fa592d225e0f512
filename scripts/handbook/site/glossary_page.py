"""The glossary page: the document's terms, their English renderings and notes, and the bodies' registry names."""
from .pages import Page, href, unit_uri
from .render import block, esc, link, md_text, table, tag

URI = "glossary.md"


# The glossary page in ctx's language, or None when the document has no glossary.
def glossary_page(ctx):
    glossary = ctx.data.get("glossary")
    if not glossary:
        return None
    rows = [[tag("span", esc(entry["zh"]), lang="zh"), esc(entry["en"]), esc("; ".join(entry.get("variants", []))),
             esc(ctx.t(entry["note"])) if "note" in entry else ""] for entry in glossary["terms"]]
    headers = [ctx.label(key) for key in ("glossary_term", "glossary_rendering", "glossary_variants", "glossary_note")]
    body = (tag("p", esc(ctx.label("glossary_intro"))) + table(headers, rows)
            + tag("h2", esc(ctx.label("glossary_bodies")), id="bodies") + tag("p", esc(ctx.label("glossary_bodies_intro")))
            + table(headers[:3], _body_rows(ctx, glossary)))
    title = ctx.label("glossary")
    return Page(URI, title, f"# {md_text(title)}\n" + block(body), ctx.files["glossary"])


# One row per unit: its Chinese names, its registry name linked to its page, and its short forms.
def _body_rows(ctx, glossary) -> list:
    short = {entry["unit"]: entry["variants"] for entry in glossary.get("bodies", [])}
    return [[tag("span", esc(" / ".join([unit["name"]["zh"]] + unit.get("variants", []))), lang="zh"),
             link(href(URI, unit_uri(unit["id"])), unit["name"]["en"]), esc("; ".join(short.get(unit["id"], [])))]
            for unit in ctx.data["units"]]
