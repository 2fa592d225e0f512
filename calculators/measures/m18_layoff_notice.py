"""R18.1: the advance explanation before economic layoffs (layoff-notice-check)."""
from datetime import timedelta

from ..errors import inconsistent
from ..spec import Calculator
from ..text import bi
from ..validation import Field, given
from .common import DAYS, output

NOTICE_DAYS = "layoff_notice.days"

FIELDS = (
    Field("explanation_date", "date", bi("说明日期", "Explanation date"),
          bi("向工会或全体职工说明情况的日期。", "The day the union or all staff were told."), required=True),
    Field("layoff_date", "date", bi("裁员日期", "Layoff date"), bi("计划裁员的日期。", "The planned layoff date."), required=True),
)

OUTPUTS = (
    output("days_between", "int", "相隔天数", "Days between", DAYS),
    output("compliant", "bool", "是否提前足够天数", "Enough notice"),
    output("earliest_compliant_layoff_date", "date", "最早可裁员日期", "Earliest compliant layoff date"),
    output("checklist", "list", "其他依法事项", "Other legal steps"),
)

CHECKLIST = (
    bi("依法依规制定和实施职工安置方案", "Draw up and carry out a staff placement plan in accordance with law"),
    bi("依法依规支付经济补偿", "Pay statutory severance"),
    bi("偿还拖欠的职工工资", "Pay any wage arrears"),
    bi("补缴欠缴的社会保险费", "Pay any overdue social-insurance contributions"),
)


def check(values: dict, params) -> list:
    """Reject a layoff date before the explanation date."""
    if given(values, "explanation_date", "layoff_date") and values["layoff_date"] < values["explanation_date"]:
        return [inconsistent("layoff_date", "裁员日期早于说明日期", "the layoff date is before the explanation date")]
    return []


def compute(values: dict, ctx) -> dict:
    """Count the days of notice and compare them with the required days."""
    ctx.read("A27")
    required_days = ctx.param(NOTICE_DAYS)
    days = (values["layoff_date"] - values["explanation_date"]).days
    compliant = days >= required_days
    earliest = values["explanation_date"] + timedelta(days=required_days)
    ctx.step(
        "R18.1",
        f"{values['layoff_date']} − {values['explanation_date']} = {days}天，{'不少于' if compliant else '少于'}{required_days}天；"
        f"最早可于{earliest}裁员（解读A27）",
        f"{values['layoff_date']} − {values['explanation_date']} = {days} days, {'at least' if compliant else 'fewer than'} "
        f"{required_days}; the earliest compliant layoff date is {earliest} (reading A27)",
        (NOTICE_DAYS,),
    )
    return {
        "days_between": days, "compliant": compliant,
        "earliest_compliant_layoff_date": earliest.isoformat(), "checklist": list(CHECKLIST),
    }


CALCULATOR = Calculator(
    id="layoff-notice-check",
    title=bi("经济性裁员提前说明", "Economic-layoff notice check"),
    rules=("R18.1",),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
    check=check,
)
