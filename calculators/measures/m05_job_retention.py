"""R5.1–R5.3: the job-retention refund (job-retention-refund)."""
from ..dates import within
from ..errors import inconsistent, required
from ..money import ZERO, format_money, format_number, format_percent, format_ratio_percent, percent_of, percent_ratio, ratio_percent_beside, to_cents, yuan_en, yuan_zh
from ..spec import Calculator
from ..text import bi
from ..validation import Field, given
from .common import PERSONS, YUAN, eligibility_output, flag, output

REFUND_RATE = "retention.refund_rate"
GENERAL_THRESHOLD = "retention.layoff_rate_threshold"
SMALL_MAX_STAFF = "retention.small_enterprise_max_staff"
SMALL_THRESHOLD = "retention.small_enterprise_layoff_threshold"
STRUGGLING_START = "retention.struggling_start"
STRUGGLING_END = "retention.struggling_end"
ALTERNATIVE_MONTHS = "retention.alternative_months"

FIELDS = (
    flag("ui_insured", "参加失业保险", "Insured for unemployment insurance", "企业是否参加失业保险。",
         "Whether the enterprise is insured for unemployment insurance."),
    Field("insured_employees_base", "int", bi("年初参保职工人数", "Insured staff at the start of the year"),
          bi("上年度初的参保职工人数，以经办机构认定为准。", "Insured headcount at the start of the reference year, as the agency certifies it."),
          required=True, unit=PERSONS, minimum=1),
    Field("layoffs", "int", bi("上年度裁员人数", "Layoffs in the reference year"),
          bi("上年度的裁员人数，以经办机构认定为准。", "Layoffs in the reference year, as the agency certifies them."),
          required=True, unit=PERSONS, minimum=0),
    Field("last_year_ui_contributions_paid", "money", bi("上年度实际缴纳失业保险费", "UI contributions paid last year"),
          bi("上年度实际缴纳的失业保险费（建议为单位和个人合计）。", "Unemployment-insurance contributions actually paid last year (recommended: both shares)."),
          required=True, unit=YUAN),
    flag("struggling_with_recovery_prospects", "经营困难且恢复有望", "In difficulty with recovery prospects",
         "是否被认定为经营困难且恢复有望的企业。", "Whether the enterprise is certified as in difficulty but with prospects of recovery.",
         required=False, default=False),
    Field("application_date", "date", bi("申请日期", "Application date"),
          bi("困难企业必填。", "Required for a struggling enterprise."),),
    Field("local_monthly_avg_ui_benefit", "money", bi("上年末当地月人均失业保险金", "Local monthly average UI benefit"),
          bi("困难企业在延长期内申请时必填。", "Required for a struggling enterprise applying within the extension."), unit=YUAN),
    Field("insured_employees_current", "int", bi("申请时参保职工人数", "Insured staff at application"),
          bi("困难企业在延长期内申请时必填。", "Required for a struggling enterprise applying within the extension."),
          unit=PERSONS, minimum=0),
)

OUTPUTS = (
    eligibility_output(),
    output("small_enterprise", "bool", "是否按小型参保企业标准", "Small-enterprise standard"),
    output("layoff_rate_pct", "percent", "裁员率", "Layoff rate"),
    output("threshold_pct", "percent", "裁员率标准", "Layoff-rate standard"),
    output("max_layoffs_allowed", "int", "最多可裁员人数", "Most layoffs allowed", PERSONS),
    output("normal_refund", "money", "一般标准返还额", "Refund, normal standard"),
    output("alternative_refund", "money", "困难企业标准最高返还额", "Refund, alternative standard (maximum)"),
    output("refund", "money", "返还金额", "Refund"),
    output("basis", "choice", "采用的标准", "Standard used",
           choices={"normal": bi("一般标准（上年度失业保险费的一定比例）", "normal standard (a share of last year's contributions)"),
                    "alternative": bi("困难企业标准", "standard for struggling enterprises")}),
)


def check(values: dict, params) -> list:
    """Check layoffs against the base and the inputs a struggling enterprise needs."""
    errors = []
    if given(values, "layoffs", "insured_employees_base") and values["layoffs"] > values["insured_employees_base"]:
        errors.append(inconsistent("layoffs", "裁员人数超过参保职工人数", "layoffs exceed the insured headcount"))
    if not values.get("struggling_with_recovery_prospects"):
        return errors
    if "application_date" in values and values["application_date"] is None:
        errors.append(required("application_date"))
    if given(values, "application_date") and in_extension(values["application_date"], params):
        errors.extend(required(name) for name in ("local_monthly_avg_ui_benefit", "insured_employees_current")
                      if name in values and values[name] is None)
    return errors


def in_extension(day, params) -> bool:
    """Tell whether a date falls in the struggling-enterprise extension."""
    return within(day, params.get(STRUGGLING_START), params.get(STRUGGLING_END))


def compute(values: dict, ctx) -> dict:
    """Apply the layoff-rate test, compute both standards and choose the refund."""
    ctx.read("A10", "A11", "A12", "A13")
    layoff_test = layoff_standard(values, ctx)
    normal = normal_refund(values, ctx)
    alternative = alternative_refund(values, ctx)
    eligible = eligibility(values, layoff_test["passes"], ctx)
    return {
        "eligible": eligible,
        "small_enterprise": layoff_test["small"],
        "layoff_rate_pct": layoff_test["rate_pct"],
        "threshold_pct": layoff_test["threshold_pct"],
        "max_layoffs_allowed": layoff_test["max_layoffs"],
        "normal_refund": format_money(normal),
        "alternative_refund": None if alternative is None else format_money(alternative),
        **choose_refund(normal, alternative, eligible, ctx),
    }


def threshold_parameter(base: int, params) -> str:
    """Return the id of the layoff-rate standard that applies to an insured headcount."""
    return SMALL_THRESHOLD if base <= params.get(SMALL_MAX_STAFF) else GENERAL_THRESHOLD


def within_standard(layoffs: int, base: int, threshold) -> bool:
    """Tell whether layoffs ÷ base is at most the standard, compared exactly by cross-multiplying."""
    numerator, denominator = percent_ratio(threshold)
    return layoffs * denominator <= numerator * base


def max_layoffs_allowed(base: int, threshold) -> int:
    """Return the most layoffs within the standard: the floor of threshold % of base, exactly."""
    numerator, denominator = percent_ratio(threshold)
    return numerator * base // denominator


def layoff_standard(values: dict, ctx) -> dict:
    """Compare layoffs ÷ base with the applicable standard, exactly."""
    base, layoffs = values["insured_employees_base"], values["layoffs"]
    small_max = ctx.param(SMALL_MAX_STAFF)
    small = base <= small_max
    threshold_id = threshold_parameter(base, ctx.params)
    threshold = ctx.param(threshold_id)
    passes = within_standard(layoffs, base, threshold)
    max_layoffs = max_layoffs_allowed(base, threshold)
    rate_pct, threshold_text = format_ratio_percent(layoffs, base), format_number(threshold)
    shown = ratio_percent_beside(layoffs, base, threshold)
    size_zh = f"不超过{small_max}人，按小型参保企业标准" if small else f"超过{small_max}人，按一般标准"
    size_en = f"at most {small_max}, small-enterprise standard" if small else f"more than {small_max}, general standard"
    compared_zh = "未超过" if passes else "高于"
    compared_en = "within" if passes else "above"
    ctx.step(
        "R5.3",
        f"参保职工{base}人（{size_zh}）；裁员率 {layoffs} ÷ {base} = {shown}%，{compared_zh}标准{threshold_text}%；"
        f"最多可裁{max_layoffs}人（精确比较，解读A12、A13）",
        f"{base} insured staff ({size_en}); layoff rate {layoffs} ÷ {base} = {shown}%, {compared_en} the "
        f"{threshold_text}% standard; at most {max_layoffs} layoffs (exact comparison, readings A12, A13)",
        (SMALL_MAX_STAFF, threshold_id),
    )
    ctx.show("layoff_rate_pct", f"{shown}%（{compared_zh}标准{threshold_text}%）", f"{shown}% ({compared_en} the {threshold_text}% standard)")
    return {
        "small": small, "passes": passes, "max_layoffs": max_layoffs,
        "rate_pct": rate_pct, "threshold_pct": format_percent(threshold),
    }


def normal_refund(values: dict, ctx):
    """Return the refund under the normal standard: a share of last year's contributions."""
    rate = ctx.param(REFUND_RATE)
    paid = values["last_year_ui_contributions_paid"]
    refund = to_cents(percent_of(paid, rate))
    rate_text = format_number(rate)
    ctx.step(
        "R5.1",
        f"一般标准：{yuan_zh(paid)} × {rate_text}% = {yuan_zh(refund)}（解读A10）",
        f"Normal standard: {yuan_en(paid)} × {rate_text}% = {yuan_en(refund)} (reading A10)",
        (REFUND_RATE,),
    )
    return refund


def alternative_refund(values: dict, ctx):
    """Return the alternative-standard refund of a struggling enterprise, or None when it does not apply."""
    if not values["struggling_with_recovery_prospects"]:
        return None
    ctx.read("A14", "A14b", "A15")
    applied = values["application_date"]
    start, end = ctx.param(STRUGGLING_START), ctx.param(STRUGGLING_END)
    if not within(applied, start, end):
        ctx.step("R5.2", f"申请日期{applied}不在延长期{start}至{end}内，不适用困难企业标准",
                 f"Application date {applied} is outside the extension {start} to {end}: no alternative standard",
                 (STRUGGLING_START, STRUGGLING_END))
        return None
    months = ctx.param(ALTERNATIVE_MONTHS)
    benefit, staff = values["local_monthly_avg_ui_benefit"], values["insured_employees_current"]
    refund = benefit * months * staff
    ctx.step(
        "R5.2",
        f"困难企业标准：{months}个月 × {yuan_zh(benefit)} × {staff}人 = {yuan_zh(refund)}（申请日期{applied}在延长期内）",
        f"Alternative standard: {months} months × {yuan_en(benefit)} × {staff} staff = {yuan_en(refund)} "
        f"(application date {applied} is within the extension)",
        (STRUGGLING_START, STRUGGLING_END, ALTERNATIVE_MONTHS),
    )
    return refund


def eligibility(values: dict, passes: bool, ctx) -> bool:
    """Combine the insurance condition and the layoff test, giving the reasons."""
    if not values["ui_insured"]:
        ctx.reason("企业未参加失业保险", "The enterprise is not insured for unemployment insurance")
    if not passes:
        ctx.reason("裁员率超过标准", "The layoff rate exceeds the standard")
    if values["ui_insured"] and passes:
        ctx.reason("参保企业，裁员率未超过标准", "Insured enterprise with a layoff rate within the standard")
    return values["ui_insured"] and passes


def choose_refund(normal, alternative, eligible: bool, ctx) -> dict:
    """Pick the larger standard (a tie goes to the normal one), or nothing when not eligible."""
    if not eligible:
        ctx.step("R5.1", "不符合条件，返还额为零；两种标准仅供参考", "Not eligible: the refund is zero; both standards are shown for information")
        return {"refund": format_money(ZERO), "basis": None}
    if alternative is not None and alternative > normal:
        ctx.step("R5.2", f"取较高者：困难企业标准 {yuan_zh(alternative)}（解读A14）",
                 f"The larger applies: alternative standard, {yuan_en(alternative)} (reading A14)")
        ctx.warn("困难企业标准为最高可得额，是否采用由经办机构决定（“可按”）",
                 "The alternative standard is the maximum obtainable; the agency decides whether to use it (\"may be set\")")
        return {"refund": format_money(alternative), "basis": "alternative"}
    return {"refund": format_money(normal), "basis": "normal"}


CALCULATOR = Calculator(
    id="job-retention-refund",
    title=bi("稳岗返还", "Job-retention refund"),
    rules=("R5.1", "R5.2", "R5.3"),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
    check=check,
    headline="refund",
)
