"""Calculator and policy-finder pages: a form built from the package's catalog, rules and a worked example."""
import json

from calculators import calculate

from .pages import FINDER, Context, Page, calculator_uri, enabled, format_value, href, measure_uri, unit_links
from .render import block, esc, md_text, tag

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
    intro = tag("p", esc(ctx.label("from_measure")) + ": " + tag(
        "a", esc(f"{ctx.label('measure', number=measure['number'])} {ctx.t(measure['title'])}"),
        href=href(here, measure_uri(measure["number"]))) + " (" + esc(", ".join(entry["rules"])) + ")")
    contact = tag("p", esc(ctx.label("estimate_notice")) + " " + unit_links(ctx, here, measure["responsible"]["units"]),
                  class_="hb-estimate")
    noscript = tag("noscript", tag("p", esc(ctx.label("needs_js"))))
    body = (intro + contact + noscript + calculator_form(ctx, entry) + result_area(ctx, entry)
            + measure_units_template(ctx, here) + rules_section(ctx, here, entry)
            + worked_example(ctx, here, entry))
    title = ctx.t(entry["title"])
    return Page(here, title, f"# {md_text(title)}\n" + block(body), ctx.files["parameters"])


# The form: one control per input, named as the contract says, with help and an error slot.
def calculator_form(ctx: Context, entry: dict) -> str:
    controls = "".join(input_control(ctx, field, field["name"]) for field in entry["inputs"])
    buttons = tag("div", tag("button", esc(ctx.label("calculate")), type="submit", class_="md-button md-button--primary")
                  + tag("button", esc(ctx.label("copy_link")), type="button", data_action="copy-link", class_="md-button")
                  + tag("button", esc(ctx.label("print")), type="button", data_action="print", class_="md-button"),
                  class_="hb-buttons")
    progress = tag("p", esc(ctx.label("loading")), class_="hb-progress", role="status", aria_live="polite", hidden="hidden")
    return tag("form", controls + buttons + progress, class_="hb-calc", data_calculator=entry["id"], novalidate="novalidate",
               hidden="hidden", data_worker=worker_href(ctx, calculator_uri(entry["id"])))


# The calculation worker, kept once at the root of the site (the English site is nested under en/).
def worker_href(ctx: Context, here: str) -> str:
    return href(here, "index.md") + ("" if ctx.language == "zh" else "../") + "assets/javascripts/calculator-worker.js"


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
    common = {"id": control_id, "name": name, "aria_describedby": described, "data_type": field["type"]}
    if field["type"] == "bool":
        options = [("", ctx.label("not_set")), ("true", ctx.label("yes")), ("false", ctx.label("no"))]
        return tag("select", "".join(tag("option", esc(text), value=value) for value, text in options), **common)
    if field["type"] == "choice":
        options = [("", ctx.label("not_set"))] + [(choice, choice) for choice in field.get("choices", [])]
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


# The result area: one <output> per figure, then eligibility, reasons, warnings, readings and trace.
def result_area(ctx: Context, entry: dict) -> str:
    figures = "".join(tag("div", tag("dt", esc(ctx.t(output["label"])))
                              + tag("dd", tag("output", "", name=output["name"], data_type=output["type"])))
                      for output in entry["outputs"])
    sections = "".join(tag("div", tag("h3", esc(ctx.label(key))) + tag("ul", "", data_result=key), data_section=key)
                       for key in ("reasons", "warnings", "readings"))
    trace = tag("h3", esc(ctx.label("trace"))) + tag("ol", "", data_result="trace")
    return tag("section", tag("h2", esc(ctx.label("result")), id="result") + tag("dl", figures, class_="hb-figures")
               + sections + trace, class_="hb-result", aria_live="polite", hidden="hidden")


# For the finder: the responsible units of each measure, for the script to copy into results.
def measure_units_template(ctx: Context, here: str) -> str:
    items = "".join(tag("li", unit_links(ctx, here, measure["responsible"]["units"]), data_measure=measure["number"],
                        data_title=f"{ctx.label('measure', number=measure['number'])} {ctx.t(measure['title'])}",
                        data_href=href(here, measure_uri(measure["number"])))
                    for measure in ctx.data["measures"])
    calculators = "".join(tag("li", esc(ctx.t(entry["title"])), data_calculator=entry["id"],
                              data_href=href(here, calculator_uri(entry["id"]))) for entry in enabled(ctx.data))
    return tag("ul", items + calculators, hidden="hidden", class_="hb-measure-units")


# The parameters this calculator reads, with their clauses, readable without JavaScript.
def rules_section(ctx: Context, here: str, entry: dict) -> str:
    measures = {entry["measure"]} if entry["id"] != FINDER else set()
    rules = set(entry["rules"])
    parameters = [p for p in ctx.data["parameters"].values() if p["rule"] in rules or p["measure"] in measures]
    items = "".join(tag("li", esc(ctx.t(p["name"])) + ": " + esc(_value(ctx, p)) + " — " + tag(
        "a", esc(f"{ctx.label('measure', number=p['measure'])} {p['clause']}"),
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
    input_rows = "".join(tag("tr", tag("th", esc(key), scope="row") + tag("td", esc(_show(value))))
                         for key, value in inputs.items())
    outputs = [output for output in entry["outputs"] if output["name"] in result]
    output_rows = "".join(tag("tr", tag("th", esc(ctx.t(output["label"])), scope="row")
                              + tag("td", esc(_show(result[output["name"]])))) for output in outputs)
    trace = "".join(tag("li", esc(ctx.t(step["explanation"])) + " " + tag(
        "a", esc(f"{ctx.label('measure', number=step['measure'])} {step['clause']}"),
        href=href(here, measure_uri(step["measure"]), step["clause"]))) for step in result.get("trace", []))
    return (tag("h2", esc(ctx.label("worked_example")), id="example")
            + tag("table", tag("caption", esc(ctx.label("inputs"))) + tag("tbody", input_rows))
            + tag("table", tag("caption", esc(ctx.label("result"))) + tag("tbody", output_rows))
            + tag("ol", trace, class_="hb-example-trace"))


# A value shown in a table: text as is, anything else as compact JSON.
def _show(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
