"""R4.3: the employer medical-insurance rate cut (medical-rate-cut)."""
from ..dates import format_month, month_overlap
from ..errors import inconsistent, invalid_value
from ..money import format_money, format_number, format_percent, percent_of, to_cents, yuan_en, yuan_zh
from ..spec import Calculator
from ..text import bi
from ..validation import Field
from .common import MONTHS, PERCENT_UNIT, YUAN, output

POINTS = "medical_cut.points"
CUT_START = "medical_cut.start"
CUT_END = "medical_cut.end"

FIELDS = (
    Field("monthly_contribution_base", "money", bi("月缴费基数", "Monthly contribution base"),
          bi("单位职工基本医疗保险的月缴费基数。", "The employer's monthly contribution base for employees' medical insurance."),
          required=True, unit=YUAN),
    Field("employer_rate_pct", "percent", bi("现行单位费率", "Current employer rate"),
          bi("现行单位缴费费率（百分比），不得低于降低的百分点数。", "The current employer rate in percent; at least the cut."),
          required=True, unit=PERCENT_UNIT),
    Field("period_start_month", "month", bi("计算起始月", "First month"), bi("要计算的首月。", "The first month to calculate."), required=True),
    Field("period_end_month", "month", bi("计算截止月", "Last month"), bi("要计算的末月。", "The last month to calculate."), required=True),
)

OUTPUTS = (
    output("months_in_window", "int", "降费期内月数", "Months in the cut period", MONTHS),
    output("reduced_rate_pct", "percent", "降低后的单位费率", "Reduced employer rate"),
    output("monthly_saving", "money", "每月减少缴费", "Monthly saving"),
    output("saving", "money", "合计减少缴费", "Total saving"),
    output("window_start_month", "month", "降费起始月", "First month of the cut"),
    output("window_end_month", "month", "降费截止月", "Last month of the cut"),
)


def check(values: dict, params) -> list:
    """Require a rate at least as large as the cut and an ordered period."""
    errors = []
    rate = values.get("employer_rate_pct")
    points = params.get(POINTS)
    if rate is not None and rate < points:
        errors.append(invalid_value("employer_rate_pct", f"费率不能低于降低的{format_number(points)}个百分点",
                                    f"the rate must be at least the cut of {format_number(points)} percentage points"))
    first, last = values.get("period_start_month"), values.get("period_end_month")
    if first and last and last < first:
        errors.append(inconsistent("period_end_month", "截止月早于起始月", "the last month is before the first month"))
    return errors


def compute(values: dict, ctx) -> dict:
    """Count the months inside the cut period and price the cut per month."""
    ctx.read("A9")
    window = (ctx.param(CUT_START), ctx.param(CUT_END))
    months = month_overlap(values["period_start_month"], values["period_end_month"], *window)
    ctx.step("R4.3", f"所问期间与降费期{window[0]}至{window[1]}重叠{months}个月",
             f"{months} months of the period fall in the cut period {window[0]} to {window[1]}", (CUT_START, CUT_END))
    points = ctx.param(POINTS)
    reduced = values["employer_rate_pct"] - points
    monthly = to_cents(percent_of(values["monthly_contribution_base"], points))
    saving = monthly * months
    ctx.step(
        "R4.3",
        f"费率{format_number(values['employer_rate_pct'])}% − {format_number(points)}个百分点 = {format_number(reduced)}%；"
        f"{yuan_zh(values['monthly_contribution_base'])} × {format_number(points)}% = {yuan_zh(monthly)}/月；"
        f"× {months}个月 = {yuan_zh(saving)}（解读A9）",
        f"rate {format_number(values['employer_rate_pct'])}% − {format_number(points)} point(s) = {format_number(reduced)}%; "
        f"{yuan_en(values['monthly_contribution_base'])} × {format_number(points)}% = {yuan_en(monthly)} a month; "
        f"× {months} months = {yuan_en(saving)} (reading A9)",
        (POINTS,),
    )
    ctx.warn("具体实施细则以省市最新文件为准", "Verify against the current provincial and municipal rules")
    return {
        "months_in_window": months,
        "reduced_rate_pct": format_percent(reduced),
        "monthly_saving": format_money(monthly),
        "saving": format_money(saving),
        "window_start_month": format_month(window[0]),
        "window_end_month": format_month(window[1]),
    }


CALCULATOR = Calculator(
    id="medical-rate-cut",
    title=bi("职工医保单位费率降低", "Employer medical-insurance rate cut"),
    rules=("R4.3",),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
    check=check,
    headline="saving",
)
