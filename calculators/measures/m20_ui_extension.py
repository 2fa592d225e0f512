"""R20.1: unemployment benefit extended to retirement age (ui-extension-to-retirement)."""
from ..dates import add_years, format_month, month_index
from ..errors import inconsistent
from ..money import ZERO, format_money, yuan_en, yuan_zh
from ..spec import Calculator
from ..text import bi
from ..validation import Field, given
from .common import MONTHS, YUAN, eligibility_output, flag, output

EXPIRY_FROM = "ui_extension.expiry_from"
MAX_YEARS = "ui_extension.max_years_to_retirement"

FIELDS = (
    Field("benefit_expiry_date", "date", bi("失业保险金期满日", "Benefit expiry date"),
          bi("原领取期限的截止日。", "The last day of the original entitlement."), required=True),
    Field("statutory_retirement_date", "date", bi("达到法定退休年龄日期", "Statutory retirement date"),
          bi("达到法定退休年龄的日期（由使用者计算）。", "The day statutory retirement age is reached (computed by the user)."), required=True),
    flag("still_unemployed", "仍未就业", "Still unemployed", "期满时是否仍未就业。", "Whether the person was still unemployed at expiry."),
    Field("monthly_benefit", "money", bi("月失业保险金", "Monthly benefit"), bi("每月领取的失业保险金。", "The monthly unemployment benefit."),
          required=True, unit=YUAN),
)

OUTPUTS = (
    eligibility_output(),
    output("extension_months", "int", "延发月数", "Months of extension", MONTHS),
    output("last_paid_month", "month", "发放至", "Paid until"),
    output("total", "money", "延发合计", "Total extension"),
)


def check(values: dict, params) -> list:
    """Reject a retirement date that is not after the expiry date."""
    if given(values, "benefit_expiry_date", "statutory_retirement_date"):
        if values["statutory_retirement_date"] <= values["benefit_expiry_date"]:
            return [inconsistent("statutory_retirement_date", "退休日期应晚于期满日", "the retirement date must be after the expiry date")]
    return []


def compute(values: dict, ctx) -> dict:
    """Test the expiry date, unemployment and time to retirement, then count the months to pay."""
    ctx.read("A28")
    failures = failed_conditions(values, ctx)
    for zh, en in failures:
        ctx.reason(zh, en)
    if failures:
        return {"eligible": False, "extension_months": 0, "last_paid_month": None, "total": format_money(ZERO)}
    expiry, retirement = values["benefit_expiry_date"], values["statutory_retirement_date"]
    months = month_index(retirement) - month_index(expiry)
    total = values["monthly_benefit"] * months
    ctx.reason("期满仍未就业且距法定退休年龄不足规定期限", "Still unemployed at expiry and within the time limit before retirement")
    ctx.step(
        "R20.1",
        f"自{format_month(expiry)}之后发放至{format_month(retirement)}，共{months}个月；"
        f"{yuan_zh(values['monthly_benefit'])} × {months} = {yuan_zh(total)}（解读A28）",
        f"Paid for the months after {format_month(expiry)} up to {format_month(retirement)}: {months} months; "
        f"{yuan_en(values['monthly_benefit'])} × {months} = {yuan_en(total)} (reading A28)",
    )
    return {"eligible": True, "extension_months": months, "last_paid_month": format_month(retirement), "total": format_money(total)}


def failed_conditions(values: dict, ctx) -> list:
    """List the (zh, en) reasons the benefit is not extended, citing the parameters tested."""
    expiry, retirement = values["benefit_expiry_date"], values["statutory_retirement_date"]
    earliest = ctx.param(EXPIRY_FROM)
    years = ctx.param(MAX_YEARS)
    limit = add_years(expiry, years)
    ctx.step("R20.1", f"期满日{expiry}（不早于{earliest}）；退休日{retirement}须早于{limit}（不足{years}年，严格小于）",
             f"Expiry {expiry} (not before {earliest}); retirement {retirement} must be before {limit} (less than {years} year(s), strictly)",
             (EXPIRY_FROM, MAX_YEARS))
    failures = []
    if expiry < earliest:
        failures.append((f"期满日早于{earliest}", f"The benefit expired before {earliest}"))
    if not values["still_unemployed"]:
        failures.append(("期满时已就业", "Employed at expiry"))
    if retirement >= limit:
        failures.append((f"距法定退休年龄不少于{years}年", f"{years} year(s) or more before statutory retirement age"))
    return failures


CALCULATOR = Calculator(
    id="ui-extension-to-retirement",
    title=bi("失业保险金延发至法定退休年龄", "Unemployment benefit extended to retirement"),
    rules=("R20.1",),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
    check=check,
    headline="total",
)
