"""R9.1: the extension of employment-assistance entitlements (assistance-extension)."""
from ..dates import add_years, within
from ..spec import Calculator
from ..text import bi
from ..validation import Field
from .common import eligibility_output, flag, output

EXTENSION_YEARS = "assistance.extension_years"
WINDOW_START = "assistance.window_start_default"
WINDOW_END = "assistance.window_end_default"
FLEXIBLE = "flexible_employment_si_subsidy"

WINDOW_FIELDS = (
    Field("start", "date", bi("起始日", "First day"), bi("期满日期的最早日期。", "The earliest qualifying end date."), required=True),
    Field("end", "date", bi("截止日", "Last day"), bi("期满日期的最晚日期。", "The latest qualifying end date."), required=True),
)

FIELDS = (
    Field("policy_type", "choice", bi("政策类型", "Entitlement"),
          bi("公益性岗位，或灵活就业社会保险补贴。", "A public-welfare job, or the flexible-employment social-insurance subsidy."),
          required=True, choices=("public_welfare_post", FLEXIBLE),
          choice_labels={"public_welfare_post": bi("公益性岗位", "public-welfare job"),
                         FLEXIBLE: bi("灵活就业社会保险补贴", "flexible-employment social-insurance subsidy")}),
    Field("original_end_date", "date", bi("原期满日期", "Original end date"), bi("政策享受期满的日期。", "The day the entitlement ended."), required=True),
    flag("stably_employed_at_expiry", "期满时已稳定就业", "Stably employed at expiry",
         "期满时是否已实现稳定就业。", "Whether the person had stable employment when the entitlement ended."),
    Field("qualifying_window", "date_range", bi("适用的期满期间", "Qualifying end dates"),
          bi("原文未写明；不填则用参数中的默认期间。", "Not stated in the text; leave blank for the default in the parameters."),
          fields=WINDOW_FIELDS),
    flag("is_hard_to_employ", "就业困难人员", "Person with employment difficulties",
         "灵活就业社会保险补贴仅限就业困难人员。", "The flexible-employment subsidy is for persons with employment difficulties.",
         required=False, default=True),
)

OUTPUTS = (
    eligibility_output(),
    output("new_end_date", "date", "延长后的期满日期", "New end date"),
    output("qualifying_window", "date_range", "适用的期满期间", "Qualifying end dates"),
)


def compute(values: dict, ctx) -> dict:
    """Test the end date against the window and the person's situation, then extend."""
    ctx.read("A22")
    years = ctx.param(EXTENSION_YEARS)
    ctx.step("R9.1", f"期满仍未实现稳定就业的，政策享受期限延长{years}年", f"Entitlements ending without stable employment are extended by {years} year(s)",
             (EXTENSION_YEARS,))
    window = qualifying_window(values, ctx)
    failures = failed_conditions(values, window)
    for zh, en in failures:
        ctx.reason(zh, en)
    echo = {"start": window[0].isoformat(), "end": window[1].isoformat()}
    if failures:
        return {"eligible": False, "new_end_date": None, "qualifying_window": echo}
    new_end = add_years(values["original_end_date"], years)
    ctx.reason("期满仍未实现稳定就业，享受期限延长", "Still without stable employment at expiry: the entitlement is extended")
    ctx.step("R9.1", f"{values['original_end_date']}期满后延长{years}年，至{new_end}",
             f"Ended on {values['original_end_date']}, extended by {years} year(s) to {new_end}")
    return {"eligible": True, "new_end_date": new_end.isoformat(), "qualifying_window": echo}


def qualifying_window(values: dict, ctx) -> tuple:
    """Return the window of qualifying end dates, given or from the parameters."""
    if values["qualifying_window"]:
        window = values["qualifying_window"]
        ctx.step("R9.1", f"按所填期间{window['start']}至{window['end']}判断", f"Using the given window {window['start']} to {window['end']}")
        return window["start"], window["end"]
    start, end = ctx.param(WINDOW_START), ctx.param(WINDOW_END)
    ctx.step("R9.1", f"按默认期间{start}至{end}判断（解读A22）", f"Using the default window {start} to {end} (reading A22)", (WINDOW_START, WINDOW_END))
    return start, end


def failed_conditions(values: dict, window: tuple) -> list:
    """List the (zh, en) reasons the entitlement is not extended."""
    failures = []
    if not within(values["original_end_date"], *window):
        failures.append((f"期满日期不在{window[0]}至{window[1]}之间", f"The end date is outside {window[0]} to {window[1]}"))
    if values["stably_employed_at_expiry"]:
        failures.append(("期满时已实现稳定就业", "Already stably employed at expiry"))
    if values["policy_type"] == FLEXIBLE and not values["is_hard_to_employ"]:
        failures.append(("灵活就业社会保险补贴仅限就业困难人员", "The flexible-employment subsidy is for persons with employment difficulties only"))
    return failures


CALCULATOR = Calculator(
    id="assistance-extension",
    title=bi("就业援助政策延期", "Extension of employment assistance"),
    rules=("R9.1",),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
)
