"""The how-to-apply card of a measure page. Below pages.py (which puts the card on measure pages): the page gives
the card its clause citations and unit links, and calculator_pages.py links to the card by ANCHOR."""
from .render import esc, link, tag

ANCHOR = "how-to-apply"
POINTS = (("who", "apply_who"), ("conditions", "apply_conditions"), ("materials", "apply_materials"))


# Whether a measure has anything for its how-to-apply card.
def has_card(measure: dict) -> bool:
    return bool(measure.get("how_to_apply"))


# The card "怎么申请 / How to apply": only the parts the data gives, each point with its clause (cite: clause id ->
# its citation text), where to apply as where_html (the units' links); "" when the measure has no card.
def apply_card(ctx, measure: dict, cite, where_html: str) -> str:
    card = measure.get("how_to_apply") or {}
    if not card:
        return ""
    rows = [(key, _points(ctx, card[field], cite)) for field, key in POINTS if card.get(field)]
    if card.get("where"):
        rows.append(("apply_where", tag("p", where_html)))
    if card.get("time_limits"):
        rows.append(("apply_time", _points(ctx, card["time_limits"], cite)))
    if card.get("contact"):
        rows.append(("apply_contact", _contact(ctx, card["contact"])))
    items = "".join(tag("dt", esc(ctx.label(key)) + ctx.label("colon")) + tag("dd", html) for key, html in rows)
    return tag("section", tag("h2", esc(ctx.label("how_to_apply")), id=ANCHOR) + tag("dl", items)
               + tag("p", tag("small", esc(ctx.label("apply_note"))), class_="hb-apply-note"),
               class_="hb-apply", aria_labelledby=ANCHOR)


# A list of points: the document's words linked to their clause, or the unit's own words marked as such.
def _points(ctx, points: list, cite) -> str:
    items = []
    for point in points:
        chinese = point.get("quote", point.get("zh"))
        text = tag("span", esc(chinese if ctx.language == "zh" else point["en"]))
        original = tag("span", esc(chinese), lang="zh", class_="hb-original") if ctx.language == "en" else ""
        source = link(f"#{point['clause']}", cite(point["clause"]),
                      class_="hb-apply-clause") if "clause" in point else \
            tag("small", esc(ctx.label("apply_supplied")), class_="hb-apply-clause")
        items.append(tag("li", text + " " + source + original))
    return tag("ul", "".join(items))


# Phone numbers (tap to call), the address and the web link, as the responsible unit gives them.
def _contact(ctx, contact: dict) -> str:
    lines = [esc(ctx.label("apply_phone")) + ctx.label("colon") + ctx.label("list_join").join(
        link("tel:" + phone.replace("-", ""), phone) for phone in contact["phones"])] if contact.get("phones") else []
    if contact.get("address"):
        lines.append(esc(ctx.label("apply_address")) + ctx.label("colon") + esc(ctx.t(contact["address"])))
    if contact.get("link"):
        lines.append(esc(ctx.label("apply_link")) + ctx.label("colon") + link(contact["link"], contact["link"]))
    return tag("ul", "".join(tag("li", line) for line in lines), class_="hb-apply-contact")
