"""R4.1: deferral of social-insurance contributions (si-deferral)."""
from ..dates import add_months, format_month
from ..deciding import DecidingDate
from ..errors import invalid_value
from ..money import ZERO, format_money, yuan_en, yuan_zh
from ..spec import Calculator
from ..text import bi
from ..validation import Field
from .common import MONTHS, YUAN, eligibility_output, flag, output

MAX_MONTHS = "si_deferral.max_months"

FIELDS = (
    flag("is_sme", "中小企业", "Small or medium enterprise", "是否为中小企业（含小微企业）。",
         "Whether the enterprise is an SME (micro enterprises included)."),
    flag("temporary_difficulty_due_to_epidemic", "受疫情影响暂时困难", "Temporary difficulty due to the epidemic",
         "是否受疫情影响面临暂时性生产经营困难。", "Whether the epidemic caused temporary operating difficulty."),
    flag("approved", "已经批准", "Approved", "缓缴申请是否已按规定获批。", "Whether the deferral has been approved under the rules."),
    Field("deferral_start_month", "month", bi("缓缴起始月", "First deferred month"),
          bi("第一个缓缴的缴费月份。", "The first contribution month deferred."), required=True),
    Field("deferral_months", "int", bi("缓缴月数", "Months deferred"),
          bi("连续缓缴的缴费月数，不得超过最长缓缴期。", "Consecutive contribution months deferred, at most the maximum deferral."),
          required=True, unit=MONTHS, minimum=1),
    Field("monthly_contribution", "money", bi("每月应缴社会保险费", "Monthly contribution"),
          bi("每月应缴纳的社会保险费。", "The social-insurance contribution due each month."), required=True, unit=YUAN),
)

OUTPUTS = (
    eligibility_output(),
    output("deferral_end_month", "month", "缓缴截止月", "Last deferred month"),
    output("total_deferred", "money", "缓缴总额", "Total deferred"),
    output("late_fee", "money", "滞纳金", "Late fee"),
    output("catch_up_due_after", "month", "此月之后足额补缴", "Paid in full after this month"),
    output("catch_up_amount", "money", "补缴金额", "Amount to pay in full"),
)

CONDITIONS = (
    ("is_sme", "不是中小企业", "not a small or medium enterprise"),
    ("temporary_difficulty_due_to_epidemic", "未受疫情影响面临暂时性困难", "no temporary difficulty due to the epidemic"),
    ("approved", "缓缴未经批准", "the deferral has not been approved"),
)


def check(values: dict, params) -> list:
    """Reject a deferral longer than the maximum (a duration cap rejects, it does not clip)."""
    months = values.get("deferral_months")
    maximum = params.get(MAX_MONTHS)
    if months is not None and months > maximum:
        return [invalid_value("deferral_months", f"超过最长缓缴期{maximum}个月", f"exceeds the {maximum}-month maximum")]
    return []


def compute(values: dict, ctx) -> dict:
    """Check the conditions, then work out the deferral's end and the amount to pay back."""
    ctx.read("A8")
    months = values["deferral_months"]
    ctx.step("R4.1", f"缓缴{months}个月，不超过最长{ctx.param(MAX_MONTHS)}个月",
             f"{months} months deferred, within the maximum of {ctx.param(MAX_MONTHS)}", (MAX_MONTHS,))
    failed = [(zh, en) for name, zh, en in CONDITIONS if not values[name]]
    for zh, en in failed:
        ctx.reason(zh, en)
    if failed:
        return not_eligible()
    ctx.reason("中小企业，受疫情影响暂时困难，且已经批准", "An SME in temporary difficulty due to the epidemic, with approval")
    return deferral(values, ctx)


def deferral(values: dict, ctx) -> dict:
    """Return the deferral's last month, total and catch-up for an eligible enterprise."""
    months = values["deferral_months"]
    last = format_month(add_months(values["deferral_start_month"], months - 1))
    total = values["monthly_contribution"] * months
    ctx.step(
        "R4.1",
        f"{format_month(values['deferral_start_month'])}起缓缴{months}个月，至{last}；"
        f"{yuan_zh(values['monthly_contribution'])} × {months} = {yuan_zh(total)}（解读A8）",
        f"Deferred for {months} months from {format_month(values['deferral_start_month'])} to {last}; "
        f"{yuan_en(values['monthly_contribution'])} × {months} = {yuan_en(total)} (reading A8)",
    )
    ctx.step("R4.1", "缓缴期满后足额补缴，不收滞纳金", "Paid in full when the deferral ends, with no late fee", clause="c2")
    return {
        "eligible": True,
        "deferral_end_month": last,
        "total_deferred": format_money(total),
        "late_fee": format_money(ZERO),
        "catch_up_due_after": last,
        "catch_up_amount": format_money(total),
    }


def not_eligible() -> dict:
    """Return the outputs of an enterprise that may not defer."""
    return {
        "eligible": False,
        "deferral_end_month": None,
        "total_deferred": format_money(ZERO),
        "late_fee": format_money(ZERO),
        "catch_up_due_after": None,
        "catch_up_amount": format_money(ZERO),
    }


CALCULATOR = Calculator(
    id="si-deferral",
    title=bi("社会保险费缓缴", "Social-insurance deferral"),
    rules=("R4.1",),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
    check=check,
    decided_by=DecidingDate("deferral_start_month", bi("缓缴起始月", "the first deferred month"), whole_month=True),
    headline="total_deferred",
    adds_up=False,
)
