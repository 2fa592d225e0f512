"""The library's finder (finder/ at the library's root): the policy finder's form once, then one section per document
whose finder library-finder.js runs in that document's own worker on the answers, its matches linked to the document's
pages; then the documents without a finder, each linked so the reader knows to read it. Without JavaScript the page
lists every document with its own finder or its home."""
import re

from calculators import catalog

from .calculator_pages import form_body, measure_units_template, page_words
from .labels import label
from .pages import FINDER, Context, calculator_uri, href
from .render import block, esc, link, md_text, tag

FINDER_URI = "finder/index.md"
WORKER = "assets/javascripts/calculator-worker.js"  # each document's own, beside its calculator assets
FINDER_SCRIPT = "assets/javascripts/library-finder.js"  # the home build's pages load it
RELATIVE_HREF = re.compile(r'href="(?![a-z]+:|/|#)')


# The finder page's Markdown in one language (documents: the home's list; exports: {folder: export} of the documents
# with a finder).
def finder_markdown(documents: list, exports: dict, language: str, today) -> str:
    ctx = Context({}, language, today, {})
    finders = [entry for entry in documents if entry["folder"] in exports]
    others = [entry for entry in documents if entry["folder"] not in exports]
    intro = tag("p", esc(ctx.label("library_finder_intro"))) + tag(
        "noscript", tag("p", esc(ctx.label("library_finder_needs_js"))))
    sections = "".join(_document_section(entry, Context(exports[entry["folder"]], language, today, {}))
                       for entry in finders)
    body = intro + (_finder(ctx, sections) if finders else "") + page_words(ctx) + _without_finder(others, language)
    return f"# {md_text(ctx.label('library_finder'))}\n" + block(body)


# The form and the documents' sections; after a shared link the stylesheet puts the sections first, with "Change
# answers" leading to the form below them.
def _finder(ctx: Context, sections: str) -> str:
    change = tag("button", esc(ctx.label("change_answers")), type="button", data_action="change-answers",
                 class_="md-button")
    return tag("div", _form(ctx) + tag("div", tag("p", change, class_="hb-change-answers") + sections,
                                       class_="hb-library-results"), class_="hb-library-finder")


# The finder's form, as the documents' finder pages have it, marked for library-finder.js (not calculator.js).
def _form(ctx: Context) -> str:
    return tag("form", form_body(ctx, _finder_entry()), class_="hb-calc", data_library_finder=FINDER,
               novalidate="novalidate")


# The policy finder's entry in the package's catalog: its questions and outputs.
def _finder_entry() -> dict:
    return next(entry for entry in catalog() if entry["id"] == FINDER)


# One document with a finder (ctx: its data): its heading, a link to its own finder, where its matches go, and its
# measures and units for the script to link them (each link made to lead to the document's pages), and its worker.
def _document_section(entry: dict, ctx: Context) -> str:
    folder, up = entry["folder"], "../" if ctx.language == "zh" else "../../"
    own_finder = link(f"../{folder}/{href('index.md', calculator_uri(FINDER))}", ctx.label("library_own_finder"))
    templates = RELATIVE_HREF.sub(f'href="../{folder}/', measure_units_template(ctx, "index.md"))
    return tag("section", _heading(entry, ctx.language) + tag("p", own_finder) + _result(ctx) + templates,
               class_="hb-document-finder", data_document=folder, data_worker=f"{up}{folder}/{WORKER}")


# Where a document's answer goes: a line until it comes (another while it is worked out), the note when its finder
# fails, the finder's figures (the day, the measures open, the estimated total) and a group of matches per status.
def _result(ctx: Context) -> str:
    outputs = _finder_entry()["outputs"]
    statuses = next(output for output in outputs if output["name"] == "matches")["choices"]
    figures = "".join(tag("div", tag("dt", esc(ctx.t(output["label"])))
                          + tag("dd", tag("output", "", name=output["name"], data_type=output["type"])))
                      for output in outputs if output["shown"])
    groups = "".join(tag("div", tag("h3", esc(ctx.t(text))) + tag("ul", "", data_result="matches"), data_status=status,
                         hidden="hidden") for status, text in statuses.items())
    placeholder = tag("p", tag("span", esc(ctx.label("library_finder_waiting")), class_="hb-asking")
                      + tag("span", esc(ctx.label("calculating")), class_="hb-calculating"), class_="hb-placeholder")
    failure = tag("p", esc(ctx.label("library_finder_failed")), class_="hb-engine-error", role="alert", hidden="hidden")
    return tag("div", placeholder + failure + tag("dl", figures, class_="hb-figures", hidden="hidden") + groups,
               class_="hb-result", aria_live="polite", data_state="empty")


# A document's heading: its number and title, linked to its home.
def _heading(entry: dict, language: str) -> str:
    folder = entry["folder"]
    return tag("h2", link(f"../{folder}/", f"{entry['number'][language]} {entry['title'][language]}"), id=f"doc-{folder}")


# The documents without a finder, each saying so and linking its home, where its measures are listed.
def _without_finder(others: list, language: str) -> str:
    if not others:
        return ""
    items = "".join(tag("li", link(f"../{entry['folder']}/", f"{entry['number'][language]} {entry['title'][language]}")
                        + " — " + esc(label("library_no_finder", language))) for entry in others)
    return (tag("h2", esc(label("library_without_finder", language)), id="without-finder")
            + tag("ul", items, class_="hb-without-finder"))
