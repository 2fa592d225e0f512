"""R6.3: lower rate or deferral of housing-fund contributions (housing-fund-relief)."""
from ..errors import inconsistent, invalid_value
from ..money import ZERO, format_money, format_number, format_percent, percent_of, to_cents, yuan_en, yuan_zh
from ..spec import Calculator
from ..text import bi
from ..validation import Field
from .common import MONTHS, PERCENT_UNIT, YUAN, eligibility_output, flag, output

MIN_RATE = "housing_fund.min_rate"
NATIONAL_MAX_RATE = "housing_fund.national_max_rate"

MODE_LABELS = {"reduce": bi("降低缴存比例", "lower rates"), "defer": bi("缓缴", "deferral")}

FIELDS = (
    flag("is_msme", "中小微企业", "Micro, small or medium enterprise", "是否为中小微企业。", "Whether the enterprise is an MSME."),
    flag("difficulty_due_to_epidemic", "受疫情影响经营困难", "Difficulty due to the epidemic",
         "是否受疫情影响生产经营出现困难。", "Whether the epidemic caused operating difficulty."),
    Field("mode", "choice", bi("方式", "Relief"), bi("降低缴存比例，或缓缴。", "Lower the rates, or defer the contributions."),
          required=True, choices=("reduce", "defer"), choice_labels=MODE_LABELS),
    Field("monthly_wage_base", "money", bi("月缴存基数", "Monthly contribution base"),
          bi("住房公积金月缴存基数（工资总额）。", "The monthly wage base for housing-fund contributions."), required=True, unit=YUAN),
    Field("current_employer_rate_pct", "percent", bi("现行单位缴存比例", "Current employer rate"),
          bi("单位现行缴存比例（百分比）。", "The employer's current rate, in percent."), required=True, unit=PERCENT_UNIT),
    Field("current_employee_rate_pct", "percent", bi("现行个人缴存比例", "Current employee rate"),
          bi("个人现行缴存比例（百分比）。", "The employee's current rate, in percent."), required=True, unit=PERCENT_UNIT),
    Field("requested_rate_pct", "percent", bi("申请的缴存比例", "Requested rate"),
          bi("降比方式下单位和个人各自申请的比例；不填则为最低标准。", "In reduce mode, the rate requested for each side; blank means the minimum."),
          unit=PERCENT_UNIT, default_parameter=MIN_RATE),
    Field("months", "int", bi("月数", "Months"), bi("降比或缓缴的月数。", "Months of lower rates or deferral."), required=True, unit=MONTHS, minimum=1),
)

OUTPUTS = (
    eligibility_output(),
    output("mode", "choice", "方式", "Relief", choices=MODE_LABELS),
    output("requested_rate_pct", "percent", "申请的缴存比例", "Requested rate"),
    output("employer_saving_monthly", "money", "单位每月少缴", "Employer saving a month"),
    output("employer_saving_total", "money", "单位合计少缴", "Employer saving in total"),
    output("employee_saving_monthly", "money", "个人每月少缴", "Employee saving a month"),
    output("employee_saving_total", "money", "个人合计少缴", "Employee saving in total"),
    output("deferred_monthly", "money", "每月缓缴", "Deferred a month"),
    output("deferred_total", "money", "缓缴合计", "Deferred in total"),
    output("catch_up_required", "money", "需足额补缴", "To be paid in full later"),
    output("notes", "list", "说明", "Notes"),
)


def check(values: dict, params) -> list:
    """In reduce mode, keep the requested rate between the minimum and both current rates."""
    if values.get("mode") != "reduce" or "requested_rate_pct" not in values:
        return []
    minimum = params.get(MIN_RATE)
    requested = values["requested_rate_pct"]
    if requested is not None and requested < minimum:
        return [invalid_value("requested_rate_pct", f"不能低于最低标准{format_number(minimum)}%",
                              f"must not be below the minimum of {format_number(minimum)}%")]
    requested = minimum if requested is None else requested
    currents = [values.get(name) for name in ("current_employer_rate_pct", "current_employee_rate_pct")]
    if any(current is not None and requested > current for current in currents):
        return [inconsistent("requested_rate_pct", "申请比例高于现行比例", "the requested rate is above a current rate")]
    return []


def compute(values: dict, ctx) -> dict:
    """Check eligibility and price the chosen relief."""
    ctx.read("A17")
    warn_above_national_ceiling(values, ctx)
    ctx.note("需按枣庄市住房公积金有关通知提供材料；目前无法提供的，可在疫情过后补充完善",
             "Materials are required under the Zaozhuang housing-fund notice; those not available now may be completed after the epidemic")
    minimum = format_number(ctx.param(MIN_RATE))
    ctx.step("R6.3", f"中小微企业可申请按单位和个人各{minimum}%的最低标准缴存，或者缓缴（解读A17）",
             f"MSMEs may apply to contribute at the minimum of {minimum}% each for employer and employee, or to defer (reading A17)",
             (MIN_RATE,))
    if not (values["is_msme"] and values["difficulty_due_to_epidemic"]):
        explain_refusal(values, ctx)
        return {**zero_amounts(), "eligible": False, "mode": values["mode"], "requested_rate_pct": None, "notes": ctx.notes}
    ctx.reason("中小微企业，受疫情影响经营困难", "An MSME in difficulty due to the epidemic")
    relief = reduce(values, ctx) if values["mode"] == "reduce" else defer(values, ctx)
    return {**zero_amounts(), **relief, "eligible": True, "mode": values["mode"], "notes": ctx.notes}


def explain_refusal(values: dict, ctx) -> None:
    """Give the reasons an enterprise does not qualify."""
    if not values["is_msme"]:
        ctx.reason("不是中小微企业", "Not a micro, small or medium enterprise")
    if not values["difficulty_due_to_epidemic"]:
        ctx.reason("未受疫情影响出现经营困难", "No operating difficulty due to the epidemic")


def warn_above_national_ceiling(values: dict, ctx) -> None:
    """Warn (only) when a current rate exceeds the national ceiling, if the parameters state one."""
    if not ctx.params.has(NATIONAL_MAX_RATE):
        return
    ceiling = ctx.param(NATIONAL_MAX_RATE)
    if max(values["current_employer_rate_pct"], values["current_employee_rate_pct"]) > ceiling:
        ctx.warn(f"现行缴存比例高于{format_number(ceiling)}%，请核对", f"A current rate is above {format_number(ceiling)}%; please check it")


def reduce(values: dict, ctx) -> dict:
    """Price the lower rate for each side separately, rounding each monthly amount."""
    requested = values["requested_rate_pct"]
    if requested is None:
        requested = ctx.param(MIN_RATE)
    base, months = values["monthly_wage_base"], values["months"]
    employer = to_cents(percent_of(base, values["current_employer_rate_pct"] - requested))
    employee = to_cents(percent_of(base, values["current_employee_rate_pct"] - requested))
    ctx.step(
        "R6.3",
        f"单位：{yuan_zh(base)} × ({format_number(values['current_employer_rate_pct'])}% − {format_number(requested)}%) = "
        f"{yuan_zh(employer)}/月；个人：{yuan_zh(base)} × ({format_number(values['current_employee_rate_pct'])}% − "
        f"{format_number(requested)}%) = {yuan_zh(employee)}/月；各 × {months}个月",
        f"Employer: {yuan_en(base)} × ({format_number(values['current_employer_rate_pct'])}% − {format_number(requested)}%) = "
        f"{yuan_en(employer)} a month; employee: {yuan_en(base)} × ({format_number(values['current_employee_rate_pct'])}% − "
        f"{format_number(requested)}%) = {yuan_en(employee)} a month; each × {months} months",
        (MIN_RATE,),
    )
    return {
        "requested_rate_pct": format_percent(requested),
        "employer_saving_monthly": format_money(employer),
        "employer_saving_total": format_money(employer * months),
        "employee_saving_monthly": format_money(employee),
        "employee_saving_total": format_money(employee * months),
    }


def defer(values: dict, ctx) -> dict:
    """Price a deferral: both sides' monthly amounts, rounded each, then added."""
    if values["requested_rate_pct"] is not None:
        ctx.warn("缓缴方式不使用申请的缴存比例", "The requested rate is not used when deferring")
    base, months = values["monthly_wage_base"], values["months"]
    employer = to_cents(percent_of(base, values["current_employer_rate_pct"]))
    employee = to_cents(percent_of(base, values["current_employee_rate_pct"]))
    monthly = employer + employee
    total = monthly * months
    ctx.step(
        "R6.3",
        f"每月缓缴 {yuan_zh(employer)} + {yuan_zh(employee)} = {yuan_zh(monthly)}；"
        f"× {months}个月 = {yuan_zh(total)}，经营好转时足额补缴",
        f"Deferred a month {yuan_en(employer)} + {yuan_en(employee)} = {yuan_en(monthly)}; "
        f"× {months} months = {yuan_en(total)}, paid in full when business improves",
        clause="c6",
    )
    return {
        "requested_rate_pct": None,
        "deferred_monthly": format_money(monthly),
        "deferred_total": format_money(total),
        "catch_up_required": format_money(total),
    }


def zero_amounts() -> dict:
    """Return every amount output at zero."""
    names = (
        "employer_saving_monthly", "employer_saving_total", "employee_saving_monthly", "employee_saving_total",
        "deferred_monthly", "deferred_total", "catch_up_required",
    )
    return {name: format_money(ZERO) for name in names}


CALCULATOR = Calculator(
    id="housing-fund-relief",
    title=bi("住房公积金降比或缓缴", "Housing-fund relief"),
    rules=("R6.3",),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
    check=check,
    headline="employer_saving_total",
)
