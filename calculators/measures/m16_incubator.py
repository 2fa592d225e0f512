"""R16.1: operating subsidy for incubation bases that waived rent (incubator-operating-subsidy)."""
from ..dates import format_month
from ..errors import inconsistent
from ..money import ZERO, format_money, format_number, percent_of, to_cents, yuan_en, yuan_zh
from ..spec import Calculator
from ..text import bi
from ..validation import Field
from .common import YUAN, eligibility_output, flag, output

RATE = "incubator.rate"
MAX_MONTHS = "incubator.max_months"
CAP = "incubator.cap"

RENT_FIELDS = (
    Field("month", "month", bi("月份", "Month"), bi("减免租金的月份。", "The month of the waiver."), required=True),
    Field("amount", "money", bi("减免租金额", "Rent waived"), bi("该月为承租中小企业减免的租金合计。", "Rent waived for SME tenants that month, in total."),
          required=True, unit=YUAN),
)

PERIOD_FIELDS = (
    Field("start", "month", bi("起始月", "First month"), bi("疫情期间的首月。", "The first month of the epidemic period."), required=True),
    Field("end", "month", bi("截止月", "Last month"), bi("疫情期间的末月。", "The last month of the epidemic period."), required=True),
)

FIELDS = (
    flag("is_provincial_demo_base", "省级创业孵化示范基地（园区）", "Provincial demonstration incubation base",
         "是否为省级创业孵化示范基地（园区）。", "Whether the base is a provincial-level entrepreneurship-incubation demonstration base."),
    Field("monthly_rent_waived", "list", bi("每月减免租金", "Rent waived by month"),
          bi("每月一项，按全部承租中小企业合计。", "One entry per month, summed over all SME tenants."), required=True, fields=RENT_FIELDS),
    Field("epidemic_period", "month_range", bi("疫情期间", "Epidemic period"),
          bi("原文未界定；填写后，期外月份视为输入矛盾。", "Not defined in the text; if given, months outside it are inconsistent."),
          fields=PERIOD_FIELDS),
)

OUTPUTS = (
    eligibility_output(),
    output("months_counted", "list", "计入的月份", "Months counted"),
    output("rent_waived_counted", "money", "计入的减免租金", "Rent waived counted"),
    output("gross", "money", "按标准计算的补贴", "Subsidy before the cap"),
    output("cap", "money", "补贴上限", "Cap"),
    output("capped", "bool", "是否触及上限", "Cap applied"),
    output("subsidy", "money", "运营补贴", "Operating subsidy"),
)


def check(values: dict, params) -> list:
    """Reject duplicate months and months outside a given epidemic period."""
    months = [entry["month"] for entry in values.get("monthly_rent_waived") or ()]
    errors = []
    if len(set(months)) != len(months):
        errors.append(inconsistent("monthly_rent_waived.month", "月份重复", "a month appears more than once"))
    period = values.get("epidemic_period")
    if period and any(not period["start"] <= month <= period["end"] for month in months):
        errors.append(inconsistent("monthly_rent_waived.month", "月份不在所填疫情期间内", "a month is outside the epidemic period given"))
    return errors


def compute(values: dict, ctx) -> dict:
    """Count the earliest months with a waiver, apply the rate, then the cap."""
    ctx.read("A26")
    cap = ctx.param(CAP)
    if not values["is_provincial_demo_base"]:
        ctx.reason("不是省级创业孵化示范基地（园区）", "Not a provincial-level demonstration incubation base")
        ctx.step("R16.1", "仅限省级创业孵化示范基地（园区）", "Provincial-level demonstration bases only", (CAP,))
        return not_eligible(cap)
    ctx.reason("省级创业孵化示范基地（园区），为承租中小企业减免租金", "A provincial demonstration base that waived rent for SME tenants")
    counted = counted_months(values, ctx)
    waived = sum((entry["amount"] for entry in counted), ZERO)
    rate = ctx.param(RATE)
    gross = to_cents(percent_of(waived, rate))
    subsidy = min(gross, cap)
    ctx.step(
        "R16.1",
        f"{yuan_zh(waived)} × {format_number(rate)}% = {yuan_zh(gross)}；min(…, 上限{yuan_zh(cap)}) = {yuan_zh(subsidy)}",
        f"{yuan_en(waived)} × {format_number(rate)}% = {yuan_en(gross)}; min(…, cap {yuan_en(cap)}) = {yuan_en(subsidy)}",
        (RATE, CAP),
    )
    return {
        "eligible": True, "months_counted": [format_month(entry["month"]) for entry in counted],
        "rent_waived_counted": format_money(waived), "gross": format_money(gross), "cap": format_money(cap),
        "capped": gross > cap, "subsidy": format_money(subsidy),
    }


def counted_months(values: dict, ctx) -> list:
    """Return the earliest entries with an amount above zero, at most the maximum number of months."""
    limit = ctx.param(MAX_MONTHS)
    waived = sorted((entry for entry in values["monthly_rent_waived"] if entry["amount"] > 0), key=lambda entry: entry["month"])
    counted = waived[:limit]
    listed = "、".join(format_month(entry["month"]) for entry in counted) or "—"
    ctx.step("R16.1", f"有减免额的月份{len(waived)}个，按最早的至多{limit}个计入：{listed}（解读A26）",
             f"{len(waived)} months with a waiver; the earliest, at most {limit}, count: {listed} (reading A26)", (MAX_MONTHS,))
    return counted


def not_eligible(cap) -> dict:
    """Return the outputs of a base that does not qualify."""
    return {
        "eligible": False, "months_counted": [], "rent_waived_counted": format_money(ZERO), "gross": format_money(ZERO),
        "cap": format_money(cap), "capped": False, "subsidy": format_money(ZERO),
    }


CALCULATOR = Calculator(
    id="incubator-operating-subsidy",
    title=bi("孵化基地运营补贴", "Incubation-base operating subsidy"),
    rules=("R16.1",),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
    check=check,
    headline="subsidy",
)
