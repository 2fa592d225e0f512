"""R7.2/R7.3: the employment-internship subsidy (internship-subsidy)."""
from ..money import format_money, format_number, percent_of, to_cents, yuan_en, yuan_zh
from ..spec import Calculator
from ..text import bi
from ..validation import Field
from .common import MONTHS, PERSONS, YUAN, output

RATE = "internship.rate_of_min_wage"
SI_AFTER_MONTHS = "internship.si_after_months"

FIELDS = (
    Field("local_monthly_min_wage", "money", bi("当地月最低工资标准", "Local monthly minimum wage"),
          bi("当地现行的月最低工资标准（本文件未规定具体数额）。", "The local monthly minimum wage in force (the document sets no figure)."),
          required=True, unit=YUAN, positive=True),
    Field("months", "int", bi("见习月数", "Internship months"), bi("整月数。", "Whole months."), required=True, unit=MONTHS, minimum=1),
    Field("interns", "int", bi("见习人数", "Interns"), bi("按同样条件见习的人数。", "Number of interns on the same terms."),
          default=1, unit=PERSONS, minimum=1),
)

OUTPUTS = (
    output("monthly_per_intern", "money", "每人每月补贴", "Subsidy per intern a month"),
    output("total", "money", "补贴合计", "Total subsidy"),
    output("si_may_be_paid_from_month", "int", "可缴纳社会保险的起始见习月", "Internship month from which social insurance may be paid"),
)


def compute(values: dict, ctx) -> dict:
    """Price the subsidy per intern and month, and say when social insurance may start."""
    ctx.read("A19", "A20", "A21")
    rate = ctx.param(RATE)
    wage, months, interns = values["local_monthly_min_wage"], values["months"], values["interns"]
    monthly = to_cents(percent_of(wage, rate))
    total = monthly * months * interns
    ctx.step(
        "R7.2",
        f"{yuan_zh(wage)} × {format_number(rate)}% = {yuan_zh(monthly)}/人·月；× {months}个月 × {interns}人 = {yuan_zh(total)}",
        f"{yuan_en(wage)} × {format_number(rate)}% = {yuan_en(monthly)} per intern a month; "
        f"× {months} months × {interns} interns = {yuan_en(total)}",
        (RATE,),
    )
    return {"monthly_per_intern": format_money(monthly), "total": format_money(total), "si_may_be_paid_from_month": si_start(months, ctx)}


def si_start(months: int, ctx):
    """Return the internship month from which the host may pay social insurance, or None."""
    after = ctx.param(SI_AFTER_MONTHS)
    if months <= after:
        ctx.step("R7.3", f"见习未超过{after}个月，不涉及缴纳社会保险", f"Internship of at most {after} months: social insurance does not arise",
                 (SI_AFTER_MONTHS,))
        return None
    ctx.step("R7.3", f"见习满{after}个月后，自第{after + 1}个月起可缴纳社会保险，补贴继续发放（解读A20）",
             f"After {after} full months, social insurance may be paid from month {after + 1}; the subsidy continues (reading A20)",
             (SI_AFTER_MONTHS,))
    return after + 1


CALCULATOR = Calculator(
    id="internship-subsidy",
    title=bi("就业见习补贴", "Employment-internship subsidy"),
    rules=("R7.2", "R7.3"),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
    headline="total",
)
