"""Calculator and policy-finder pages: a form built from the package's catalog, rules and a worked example."""
import re

from calculators import calculate
from calculators.display import scalar_text

from .how_to_apply import ANCHOR as APPLY_ANCHOR, has_card
from .labels import LABELS
from .pages import (FINDER, Context, Page, calculator_uri, clause_citation, enabled, format_value, href, measure_uri,
                    unit_links)
from .render import block, esc, md_text, tag

PROFILE_OF_GROUP = {"enterprise": "enterprise", "staff": "enterprise", "person": "person"}
ROW_JOIN = {"zh": ("；", "，"), "en": ("; ", ", ")}
HEADING = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.S)
PAGE_WORDS = ("estimate", "still_needed", "open_calculator", "not_eligible_now", "no_matches", "units_to_contact",
              "yes", "no", "refused_lead", "refused_worker", "refused_module", "refused_wasm",
              "refused_rest", "list_join", "reason_join", "sentence_end", "view_as_of", "not_in_total", "not_added")


# All calculator pages, the index of calculators and the finder; none if the document enables none.
def calculator_pages(ctx: Context) -> list:
    entries = enabled(ctx.data)
    pages = [calculator_page(ctx, entry) for entry in entries]
    return pages + [calculators_index(ctx, entries)] if entries else []


# The index page listing every calculator with its measure.
def calculators_index(ctx: Context, entries) -> Page:
    here = "calculators/index.md"
    items = "".join(tag("li", tag("a", esc(ctx.t(entry["title"])), href=href(here, calculator_uri(entry["id"])))
                        + " — " + tag("a", esc(ctx.label("measure", number=entry["measure"])),
                                      href=href(here, measure_uri(entry["measure"]))))
                    for entry in entries)
    title = ctx.label("calculators")
    body = tag("p", esc(ctx.label("calculators_intro"))) + tag("ul", items)
    return Page(here, title, f"# {md_text(title)}\n" + block(body), ctx.files["parameters"])


# One calculator page: the form, the result area, the rules and a worked example.
def calculator_page(ctx: Context, entry: dict) -> Page:
    here = calculator_uri(entry["id"])
    measure = next(m for m in ctx.data["measures"] if m["number"] == entry["measure"])
    intro = tag("p", esc(ctx.label("from_measure")) + ctx.label("colon") + tag(
        "a", esc(f"{ctx.label('measure', number=measure['number'])} {ctx.t(measure['title'])}"),
        href=href(here, measure_uri(measure["number"]))))
    contact = tag("p", esc(ctx.label("estimate_notice")) + " " + unit_links(ctx, here, measure["responsible"]["units"]),
                  class_="hb-estimate")
    finder = entry["id"] == FINDER
    if finder:
        intro = tag("p", esc(ctx.label("finder_intro"))) + intro
    noscript = tag("noscript", tag("p", esc(ctx.label("finder_needs_js" if finder else "needs_js"))))
    readable = finder_guide(ctx, here) if finder else rules_section(ctx, here, entry) + worked_example(ctx, here, entry)
    body = (intro + contact + noscript + calculator(ctx, entry) + file_refusal(ctx, readable)
            + (apply_link(ctx, here, measure) if not finder else "")
            + measure_units_template(ctx, here) + page_words(ctx) + readable)
    title = ctx.t(entry["title"])
    return Page(here, title, f"# {md_text(title)}\n" + block(body), ctx.files["parameters"])


# The form and its result in one box; after a shared link the stylesheet puts the result first (the form stays
# first in the page's order, and without JavaScript neither is shown).
def calculator(ctx: Context, entry: dict) -> str:
    return tag("div", calculator_form(ctx, entry) + result_area(ctx, entry), class_="hb-calculator")


# The note a page opened from a file shows instead of the form (the stylesheet shows it there: browsers run no
# module script from a file): why the calculator cannot run, and links to the page's sections readable without it.
def file_refusal(ctx: Context, readable: str) -> str:
    links = esc(ctx.label("list_join")).join(tag("a", text, href=f"#{anchor}") for anchor, text in HEADING.findall(readable))
    words = esc(ctx.label("refused_lead") + ctx.label("refused_file") + ctx.label("refused_rest"))
    return tag("p", words + links + esc(ctx.label("sentence_end")), class_="hb-refusal hb-file-refusal", role="alert",
               data_refused="file")


# The form: one control per input, named as the contract says, with help and an error slot.
def calculator_form(ctx: Context, entry: dict) -> str:
    return tag("form", form_body(ctx, entry), class_="hb-calc", data_calculator=entry["id"], novalidate="novalidate",
               data_worker=worker_href(ctx, calculator_uri(entry["id"])))


# What a calculator's form holds: its controls, the form's error slot, buttons, progress line and failure note.
def form_body(ctx: Context, entry: dict) -> str:
    controls = questionnaire(ctx, entry["inputs"]) if entry["id"] == FINDER else \
        "".join(input_control(ctx, field, field["name"]) for field in entry["inputs"])
    buttons = tag("div", tag("button", esc(ctx.label("calculate")), type="submit", class_="md-button md-button--primary")
                  + tag("button", esc(ctx.label("copy_link")), type="button", data_action="copy-link", class_="md-button")
                  + tag("button", esc(ctx.label("print")), type="button", data_action="print", class_="md-button"),
                  class_="hb-buttons")
    progress = tag("p", esc(ctx.label("loading")), class_="hb-progress", role="status", aria_live="polite")
    failure = tag("div", tag("p", esc(ctx.label("engine_failed"))) + tag(
        "button", esc(ctx.label("retry")), type="button", data_action="retry", class_="md-button"),
        class_="hb-engine-error", role="alert", hidden="hidden")
    form_error = tag("p", "", class_="hb-field-error hb-form-error", data_error_for="", aria_live="polite")
    return controls + form_error + buttons + progress + failure


# The finder's questions: who is asking first, then short groups for that profile, the rest behind "more questions".
def questionnaire(ctx: Context, fields: list) -> str:
    first = [field for field in fields if not field.get("group")]
    profile, rest = first[0], first[1:]
    groups = {}
    for field in fields:
        if field.get("group"):
            groups.setdefault((field["group"], field["more"]), []).append(field)
    html = input_control(ctx, profile, profile["name"])
    for group in dict.fromkeys(name for name, _ in groups):
        main = "".join(input_control(ctx, field, field["name"]) for field in groups.get((group, False), []))
        more = "".join(input_control(ctx, field, field["name"]) for field in groups.get((group, True), []))
        details = tag("details", tag("summary", esc(ctx.label("more_questions"))) + more, class_="hb-more") if more else ""
        html += tag("fieldset", tag("legend", esc(ctx.label(f"group_{group}"))) + main + details,
                    class_="hb-group", data_profile=PROFILE_OF_GROUP[group])
    return html + "".join(input_control(ctx, field, field["name"]) for field in rest)


# The calculation worker, kept once at the root of the site (the English site is nested under en/).
def worker_href(ctx: Context, here: str) -> str:
    return href(here, "index.md") + ("" if ctx.language == "zh" else ctx.to_root_language) + "assets/javascripts/calculator-worker.js"


# One labelled control; list inputs become a fieldset of repeatable rows.
def input_control(ctx: Context, field: dict, name: str) -> str:
    if field["type"] == "list":
        return list_control(ctx, field, name)
    control_id = "in-" + name.replace("[", "-").replace("]", "").replace(".", "-")
    help_text = ctx.t(field["help"]) if field.get("help") else ""
    unit = f" ({ctx.t(field['unit'])})" if field.get("unit") else ""
    required = " *" if field.get("required") else ""
    label_html = tag("label", esc(ctx.t(field["label"]) + unit + required), for_=control_id)
    help_html = tag("small", esc(help_text), id=f"{control_id}-help", class_="hb-help") if help_text else ""
    error_html = tag("span", "", id=f"{control_id}-error", class_="hb-field-error", data_error_for=name, aria_live="polite")
    described = f"{control_id}-help {control_id}-error" if help_text else f"{control_id}-error"
    return tag("div", label_html + widget(ctx, field, name, control_id, described) + help_html + error_html,
               class_="hb-field")


# The input element for one field type.
def widget(ctx: Context, field: dict, name: str, control_id: str, described: str) -> str:
    common = {"id": control_id, "name": name, "aria_describedby": described, "data_type": field["type"],
              "data_required": "true" if field.get("required") else None}
    if field["type"] == "bool":
        options = [("", ctx.label("not_set")), ("true", ctx.label("yes")), ("false", ctx.label("no"))]
        return tag("select", "".join(tag("option", esc(text), value=value) for value, text in options), **common)
    if field["type"] == "choice":
        options = [("", ctx.label("not_set"))] + [(choice, ctx.t(field["choice_labels"][choice]))
                                                  for choice in field.get("choices", [])]
        return tag("select", "".join(tag("option", esc(text), value=value) for value, text in options), **common)
    kind = {"date": "date", "month": "month"}.get(field["type"], "text")
    mode = {"int": "numeric", "money": "decimal", "percent": "decimal"}.get(field["type"])
    return f"<input type=\"{kind}\"" + "".join(f' {key.replace("_", "-")}="{esc(value)}"' for key, value in
                                               {**common, "inputmode": mode}.items() if value) + ">"


# A fieldset of rows for a list input, with add and remove buttons.
def list_control(ctx: Context, field: dict, name: str) -> str:
    row = "".join(input_control(ctx, sub, f"{name}[0].{sub['name']}") for sub in field["fields"])
    rows = tag("div", row + tag("button", esc(ctx.label("remove_row")), type="button", data_action="remove-row",
                                class_="md-button"), class_="hb-row", data_row="0")
    add = tag("button", esc(ctx.label("add_row")), type="button", data_action="add-row", class_="md-button")
    help_text = tag("small", esc(ctx.t(field["help"])), class_="hb-help") if field.get("help") else ""
    error = tag("span", "", id=f"in-{name}-error", class_="hb-field-error", data_error_for=name, aria_live="polite")
    return tag("fieldset", tag("legend", esc(ctx.t(field["label"]))) + help_text + rows + add + error,
               class_="hb-list", data_list=name, aria_describedby=f"in-{name}-error")


# The result area: its heading beside "Change answers" (which leads to the form, below the result after a shared
# link), one <output> per figure, then eligibility, reasons, warnings, readings and trace.
def result_area(ctx: Context, entry: dict) -> str:
    figures = "".join(tag("div", tag("dt", esc(ctx.t(output["label"])))
                              + tag("dd", tag("output", "", name=output["name"], data_type=output["type"])))
                      for output in entry["outputs"] if output["shown"])
    matches = "".join(tag("div", tag("h3", esc(ctx.t(label))) + tag("ul", "", data_result="matches"),
                          data_status=status, hidden="hidden")
                      for output in entry["outputs"] if output["name"] == "matches"
                      for status, label in output["choices"].items())
    sections = "".join(tag("div", tag("h3", esc(ctx.label(key))) + tag("ul", "", data_result=key), data_section=key,
                           hidden="hidden") for key in ("reasons", "warnings", "readings"))
    trace = tag("div", tag("h3", esc(ctx.label("trace"))) + tag("ol", "", data_result="trace"), data_section="trace",
                hidden="hidden")
    placeholder = tag("p", tag("span", esc(ctx.label("result_placeholder")), class_="hb-asking")
                      + tag("span", esc(ctx.label("calculating")), class_="hb-calculating"), class_="hb-placeholder")
    change = tag("button", esc(ctx.label("change_answers")), type="button", data_action="change-answers", class_="md-button")
    head = tag("div", tag("h2", esc(ctx.label("result")), id="result") + change, class_="hb-result-head")
    return tag("section", head + placeholder
               + tag("dl", figures, class_="hb-figures", hidden="hidden") + other_date(ctx, entry)
               + matches + sections + trace,
               class_="hb-result", aria_live="polite", data_state="empty")


# Below the result: "How to apply" linked to the card of the calculator's measure; "" for a measure without one.
def apply_link(ctx: Context, here: str, measure: dict) -> str:
    if not has_card(measure):
        return ""
    text = f"{ctx.label('how_to_apply')}{ctx.label('colon')}{ctx.label('measure', number=measure['number'])} " \
           f"{ctx.t(measure['title'])}"
    return tag("p", tag("a", esc(text), href=href(here, measure_uri(measure["number"]), APPLY_ANCHOR)),
               class_="hb-apply-link")


# In the finder, below its headline: look at the result as of another date; "" for a calculator.
def other_date(ctx: Context, entry: dict) -> str:
    if entry["id"] != FINDER:
        return ""
    box = tag("span", tag("label", esc(ctx.label("view_other_date")), for_="hb-view-date")
              + '<input type="date" id="hb-view-date" data-view-date="">'
              + tag("button", esc(ctx.label("view")), type="button", data_action="view-as-of", class_="md-button"),
              class_="hb-view-date")
    return tag("div", box, class_="hb-result-actions")


# Words the page script shows, from the label table (the script types none of its own).
def page_words(ctx: Context) -> str:
    return tag("ul", "".join(tag("li", esc(LABELS[key][ctx.language]), data_word=key) for key in PAGE_WORDS),
               class_="hb-words", hidden="hidden")


# The finder without JavaScript: how to use it, and every measure to read through.
def finder_guide(ctx: Context, here: str) -> str:
    items = "".join(tag("li", tag("a", esc(f"{ctx.label('measure', number=measure['number'])} {ctx.t(measure['title'])}"),
                                  href=href(here, measure_uri(measure["number"])))
                        + (" — " + tag("a", esc(ctx.label("how_to_apply")),
                                       href=href(here, measure_uri(measure["number"]), APPLY_ANCHOR))
                           if has_card(measure) else ""))
                    for measure in ctx.data["measures"])
    return (tag("h2", esc(ctx.label("finder_how")), id="how") + tag("p", esc(ctx.label("finder_how_text")))
            + tag("h2", esc(ctx.label("finder_measures")), id="measures") + tag("ul", items))


# For the finder: the responsible units of each measure, for the script to copy into results.
def measure_units_template(ctx: Context, here: str) -> str:
    items = "".join(tag("li", unit_links(ctx, here, measure["responsible"]["units"]), data_measure=measure["number"],
                        data_title=f"{ctx.label('measure', number=measure['number'])} {ctx.t(measure['title'])}",
                        data_href=href(here, measure_uri(measure["number"])),
                        data_apply_href=href(here, measure_uri(measure["number"]), APPLY_ANCHOR) if has_card(measure) else None)
                    for measure in ctx.data["measures"])
    calculators = "".join(tag("li", esc(ctx.t(entry["title"])), data_calculator=entry["id"],
                              data_href=href(here, calculator_uri(entry["id"]))) for entry in enabled(ctx.data))
    return tag("ul", items + calculators, hidden="hidden", class_="hb-measure-units")


# The parameters this calculator reads, with their clauses, readable without JavaScript.
def rules_section(ctx: Context, here: str, entry: dict) -> str:
    measures = {entry["measure"]} if entry["id"] != FINDER else set()
    rules = set(entry["rules"])
    parameters = [p for p in ctx.data["parameters"].values() if p["rule"] in rules or p["measure"] in measures]
    items = "".join(tag("li", esc(ctx.t(p["name"])) + ctx.label("colon") + esc(_value(ctx, p)) + " — " + tag(
        "a", esc(clause_citation(ctx, p["measure"], p["clause"])),
        href=href(here, measure_uri(p["measure"]), p["clause"])) + " " + tag("q", esc(p["quote"]), lang="zh"))
        for p in parameters)
    return tag("h2", esc(ctx.label("rules_used")), id="rules") + tag("ul", items)


# A parameter's current value with its unit.
def _value(ctx: Context, parameter: dict) -> str:
    return format_value(ctx, parameter, parameter["values"][-1]["value"])


# The catalog's example, computed at build time by the same package.
def worked_example(ctx: Context, here: str, entry: dict) -> str:
    inputs = entry["example"]
    result = calculate(entry["id"], inputs, ctx.data["parameters"])
    fields = {field["name"]: field for field in entry["inputs"]}
    input_rows = "".join(tag("tr", tag("th", esc(ctx.t(fields[key]["label"])), scope="row")
                             + tag("td", esc(input_text(ctx, fields[key], value))))
                         for key, value in inputs.items())
    output_rows = "".join(tag("tr", tag("th", esc(ctx.t(figure["label"])), scope="row") + tag("td", esc(ctx.t(figure["text"]))))
                          for figure in result["display"])
    trace = "".join(tag("li", esc(ctx.t(step["explanation"])) + " " + tag(
        "a", esc(clause_citation(ctx, step["measure"], step["clause"])),
        href=href(here, measure_uri(step["measure"]), step["clause"]))) for step in result.get("trace", []))
    return (tag("h2", esc(ctx.label("worked_example")), id="example")
            + tag("table", tag("caption", esc(ctx.label("inputs"))) + tag("tbody", input_rows))
            + tag("table", tag("caption", esc(ctx.label("result"))) + tag("tbody", output_rows))
            + tag("ol", trace, class_="hb-example-trace"))


# An example input as a person would read it, formatted by the package as results are; list rows numbered.
def input_text(ctx: Context, field: dict, value) -> str:
    if isinstance(value, list):
        subfields = {sub["name"]: sub for sub in field["fields"]}
        rows = [ROW_JOIN[ctx.language][1].join(f"{ctx.t(subfields[name]['label'])}: {input_text(ctx, subfields[name], item)}"
                                               for name, item in row.items()) for row in value]
        return ROW_JOIN[ctx.language][0].join(f"{number}. {row}" for number, row in enumerate(rows, start=1))
    return scalar_text(value, field["type"], field.get("unit"), field.get("choice_labels", {}), ctx.language)
