"""R1.1: the Spring-Festival one-off employment subsidy (sf-employment-subsidy)."""
from ..dates import within
from ..deciding import DecidingDate
from ..errors import inconsistent, invalid_value
from ..money import ZERO, format_money, yuan_en, yuan_zh
from ..spec import Calculator
from ..text import bi
from ..validation import Field
from .common import PERSON_DAYS, PERSONS, eligibility_output, flag, output

RATE = "sf_subsidy.rate_per_person_day"
CAP = "sf_subsidy.cap_per_enterprise"
WINDOW_START = "sf_subsidy.window_start_default"
WINDOW_END = "sf_subsidy.window_end"

DAILY_FIELDS = (
    Field("date", "date", bi("日期", "Date"), bi("生产的日期。", "A day of production."), required=True),
    Field(
        "headcount", "int", bi("当日用工人数", "Workers that day"),
        bi("当日在岗生产的人数。", "People working on production that day."),
        required=True, unit=PERSONS, minimum=0,
    ),
)

FIELDS = (
    flag(
        "is_key_epidemic_supplies_producer", "疫情防控重点物资生产企业", "Producer of key epidemic-prevention supplies",
        "企业是否属于疫情防控重点物资生产企业。", "Whether the enterprise produces key epidemic-prevention supplies.",
    ),
    Field(
        "production_start_date", "date", bi("开工日期", "Production start date"),
        bi("春节期间开工生产的日期。", "The day production started during the Spring Festival."),
        required=True,
    ),
    Field(
        "person_days", "int", bi("人天数", "Person-days"),
        bi("自开工至春节期间截止日的用工人天数；与每日人数二选一。",
           "Person-days from the start of production to the last day of the Spring Festival period; give this or the daily headcount."),
        unit=PERSON_DAYS, minimum=0,
    ),
    Field(
        "daily_headcount", "list", bi("每日用工人数", "Daily headcount"),
        bi("逐日的用工人数；期间以外的日期不计入并单独列出。与人天数二选一。",
           "Headcount day by day; days outside the period are not counted and are listed. Give this or person-days."),
        fields=DAILY_FIELDS,
    ),
    Field(
        "window_start", "date", bi("春节期间起始日", "First day of the Spring Festival period"),
        bi("原文未写明起始日；不填则用参数中的默认日期。", "The text gives no first day; leave blank for the default in the parameters."),
        default_parameter=WINDOW_START,
    ),
)

OUTPUTS = (
    eligibility_output(),
    output("person_days_counted", "int", "计入的人天数", "Person-days counted", PERSON_DAYS),
    output("person_days_excluded", "int", "期外不计的人天数", "Person-days outside the period", PERSON_DAYS),
    output("dates_excluded", "list", "期外不计的日期", "Dates outside the period"),
    output("gross", "money", "按标准计算的补贴", "Subsidy before the cap"),
    output("cap", "money", "每个企业上限", "Cap per enterprise"),
    output("capped", "bool", "是否触及上限", "Cap applied"),
    output("subsidy", "money", "补贴金额", "Subsidy"),
    output("window_start", "date", "期间起始日", "Period start"),
    output("window_end", "date", "期间截止日", "Period end"),
)


def check(values: dict, params) -> list:
    """Check the person-days sources and the dates of the daily headcount."""
    return source_errors(values) + daily_date_errors(values) + window_errors(values, params)


def source_errors(values: dict) -> list:
    """Require exactly one of person_days and daily_headcount."""
    if "person_days" not in values or "daily_headcount" not in values:
        return []
    given = [values[name] is not None for name in ("person_days", "daily_headcount")]
    if not any(given):
        return [invalid_value("person_days", "请填写人天数或每日用工人数", "give person_days or daily_headcount")]
    if all(given):
        return [inconsistent("daily_headcount", "人天数与每日用工人数只能填一项", "give either the person-days or the daily headcount, not both")]
    return []


def daily_date_errors(values: dict) -> list:
    """Reject duplicate days and days before production started."""
    days = [entry["date"] for entry in values.get("daily_headcount") or ()]
    errors = []
    if len(set(days)) != len(days):
        errors.append(inconsistent("daily_headcount.date", "日期重复", "a date appears more than once"))
    start = values.get("production_start_date")
    if start and any(day < start for day in days):
        errors.append(inconsistent("daily_headcount.date", "日期早于开工日期", "a date is before the production start date"))
    return errors


def window_errors(values: dict, params) -> list:
    """Reject a first day of the period that falls after its last day."""
    window_start = values.get("window_start")
    if window_start and window_start > params.get(WINDOW_END):
        return [inconsistent("window_start", "起始日晚于春节期间截止日", "the first day is after the last day of the period")]
    return []


def compute(values: dict, ctx) -> dict:
    """Work out the subsidy: eligibility, person-days in the period, rate, cap."""
    ctx.read("A1", "A2", "A3", "A4")
    window = period(values, ctx)
    cap = ctx.param(CAP)
    summary = {"cap": format_money(cap), "window_start": window[0].isoformat(), "window_end": window[1].isoformat()}
    if not qualifies(values, window, ctx):
        return not_eligible(summary)
    counted, excluded_days = count_person_days(values, window, ctx)
    gross = ctx.param(RATE) * counted
    ctx.step(
        "R1.1",
        f"{yuan_zh(ctx.param(RATE))} × {counted}人天 = {yuan_zh(gross)}",
        f"{yuan_en(ctx.param(RATE))} × {counted} person-days = {yuan_en(gross)}",
        (RATE,),
    )
    return {"eligible": True, **apply_cap(gross, cap, ctx), **counts(counted, excluded_days), **summary}


def period(values: dict, ctx) -> tuple:
    """Return the (first, last) day of the Spring Festival period, citing the parameters used."""
    last = ctx.param(WINDOW_END)
    if values["window_start"]:
        first = values["window_start"]
        ctx.step("R1.1", f"春节期间按所填起始日计算：{first}至{last}", f"Period from the given first day: {first} to {last}", (WINDOW_END,))
        return first, last
    first = ctx.param(WINDOW_START)
    ctx.step(
        "R1.1", f"春节期间按默认起始日计算：{first}至{last}", f"Period from the default first day: {first} to {last}",
        (WINDOW_START, WINDOW_END),
    )
    return first, last


def qualifies(values: dict, window: tuple, ctx) -> bool:
    """Test the producer condition and the production start date, explaining a refusal."""
    if not values["is_key_epidemic_supplies_producer"]:
        ctx.reason(
            "不是疫情防控重点物资生产企业，不适用春节期间一次性用工补贴",
            "Not a producer of key epidemic-prevention supplies: the Spring-Festival subsidy does not apply",
        )
        ctx.step("R1.1", "仅限疫情防控重点物资生产企业（解读A1）", "Limited to key-supplies producers (reading A1)")
        return False
    started = values["production_start_date"]
    if started > window[1]:
        ctx.reason(
            f"开工日期{started}晚于春节期间截止日{window[1]}",
            f"Production started on {started}, after the last day of the Spring Festival period ({window[1]})",
        )
        ctx.step("R1.1", "开工日期晚于截止日，不符合条件", "Production started after the last day: not eligible", (WINDOW_END,))
        return False
    ctx.reason(
        f"疫情防控重点物资生产企业，于{started}开工（不晚于{window[1]}）",
        f"Key-supplies producer that started production on {started} (not after {window[1]})",
    )
    return True


def count_person_days(values: dict, window: tuple, ctx) -> tuple:
    """Count person-days inside the period; return (counted, list of excluded daily entries)."""
    if values["daily_headcount"] is None:
        counted = values["person_days"]
        ctx.step("R1.1", f"按所填人天数计算：{counted}人天（解读A3）", f"Person-days as given: {counted} (reading A3)")
        return counted, []
    inside = [entry for entry in values["daily_headcount"] if within(entry["date"], *window)]
    outside = [entry for entry in values["daily_headcount"] if not within(entry["date"], *window)]
    counted = sum(entry["headcount"] for entry in inside)
    excluded = sum(entry["headcount"] for entry in outside)
    ctx.step(
        "R1.1",
        f"期内{len(inside)}天合计{counted}人天；期外{len(outside)}天共{excluded}人天不计（解读A3）",
        f"{len(inside)} days in the period give {counted} person-days; {len(outside)} days outside ({excluded} person-days) are not counted (reading A3)",
    )
    return counted, outside


def apply_cap(gross, cap, ctx) -> dict:
    """Clip the subsidy at the per-enterprise cap."""
    subsidy = min(gross, cap)
    ctx.step(
        "R1.1",
        f"补贴 = min({yuan_zh(gross)}, 上限{yuan_zh(cap)}) = {yuan_zh(subsidy)}（解读A4）",
        f"subsidy = min({yuan_en(gross)}, cap {yuan_en(cap)}) = {yuan_en(subsidy)} (reading A4)",
        (CAP,),
    )
    return {"gross": format_money(gross), "capped": gross > cap, "subsidy": format_money(subsidy)}


def counts(counted: int, excluded_days: list) -> dict:
    """Return the person-day outputs."""
    return {
        "person_days_counted": counted,
        "person_days_excluded": sum(entry["headcount"] for entry in excluded_days),
        "dates_excluded": sorted(entry["date"].isoformat() for entry in excluded_days),
    }


def not_eligible(summary: dict) -> dict:
    """Return the outputs of an enterprise that does not qualify."""
    return {
        "eligible": False, "gross": format_money(ZERO), "capped": False, "subsidy": format_money(ZERO),
        **counts(0, []), **summary,
    }


CALCULATOR = Calculator(
    id="sf-employment-subsidy",
    title=bi("春节期间一次性用工补贴", "Spring-Festival one-off employment subsidy"),
    rules=("R1.1",),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
    check=check,
    decided_by=DecidingDate("production_start_date", bi("开工日期", "the production start date")),
    headline="subsidy",
)
