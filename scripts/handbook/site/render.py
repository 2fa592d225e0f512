"""Safe building blocks for generated pages: every data string is escaped exactly once."""
import html
import re

MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


# Escape text for use inside HTML.
def esc(text) -> str:
    return html.escape(str(text), quote=True)


# Escape text for a Markdown heading: HTML-escaped and Markdown punctuation neutralised. Quotes stay as
# they are: an entity such as &#x27; would have its # escaped and reach page titles as the text "&#x27;".
def md_text(text) -> str:
    return MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(str(text), quote=False))


# An HTML element with escaped attributes and already-safe inner HTML.
def tag(element: str, inner: str = "", **attributes) -> str:
    attrs = "".join(f' {key.rstrip("_").replace("_", "-")}="{esc(value)}"'
                    for key, value in attributes.items() if value is not None)
    return f"<{element}{attrs}>{inner}</{element}>"


# A link with escaped text.
def link(href: str, text: str, **attributes) -> str:
    return tag("a", esc(text), href=href, **attributes)


# An HTML block that Markdown leaves alone (blank lines around it).
def block(html_text: str) -> str:
    return f"\n\n<div>\n{html_text}\n</div>\n\n"


# A table from a header row and rows of already-safe cells, in the wrappers Material's bundle would put it in. It
# has a class (hb-table, styled as Material's tables in handbook.css) so that the bundle leaves it where it is: the
# bundle moves every table without one into those wrappers on load, which restyled every cell of a long table.
# Each cell carries its column's header as data-label: on a phone the rows are stacked as cards, each cell under it.
def table(headers, rows, caption: str = "") -> str:
    head = "".join(tag("th", esc(header), scope="col") for header in headers)
    body = "".join(tag("tr", "".join(tag("td", cell, data_label=header or None)
                                     for header, cell in zip(headers, row, strict=True))) for row in rows)
    caption_html = tag("caption", esc(caption)) if caption else ""
    table_html = tag("table", caption_html + tag("thead", tag("tr", head)) + tag("tbody", body), class_="hb-table")
    return tag("div", tag("div", table_html, class_="md-typeset__table"), class_="md-typeset__scrollwrap hb-table-wrap")
