"""R7.1: eligibility for the graduate social-insurance subsidy (graduate-si-subsidy-eligibility)."""
from ..dates import add_years
from ..spec import Calculator
from ..text import bi
from ..validation import Field
from .common import eligibility_output, flag, output

WINDOW_YEARS = "graduate_si.window_years"
QUALIFYING_TYPES = ("small_micro_enterprise", "flexible")

EMPLOYMENT_TYPES = {
    "small_micro_enterprise": bi("到小微企业就业", "in a small or micro enterprise"),
    "flexible": bi("灵活就业", "flexible employment"),
    "other": bi("其他", "other"),
}

FIELDS = (
    Field("leave_school_date", "date", bi("离校日期", "Date of leaving school"), bi("毕业离校的日期。", "The day the graduate left school."), required=True),
    Field("employment_start_date", "date", bi("就业起始日期", "Employment start date"), bi("开始就业的日期。", "The day employment began."), required=True),
    Field("employment_type", "choice", bi("就业形式", "Kind of employment"),
          bi("到小微企业就业、灵活就业或其他。", "In a small or micro enterprise, flexible employment, or anything else."),
          required=True, choices=tuple(EMPLOYMENT_TYPES), choice_labels=EMPLOYMENT_TYPES),
    flag("unemployed_before_start", "离校后至就业前未就业", "Unemployed until then",
         "离校后至此次就业前是否一直未就业。", "Whether the graduate was unemployed from leaving school until this job."),
)

OUTPUTS = (
    eligibility_output(),
    output("deadline", "date", "离校后期限截止日", "Last day of the window after leaving school"),
)


def compute(values: dict, ctx) -> dict:
    """Test the window after leaving school, the kind of employment and prior unemployment."""
    ctx.read("A18")
    years = ctx.param(WINDOW_YEARS)
    leave, start = values["leave_school_date"], values["employment_start_date"]
    deadline = add_years(leave, years)
    in_window = leave <= start <= deadline
    ctx.step("R7.1", f"离校{leave}后{years}年内即至{deadline}；就业起始日{start}{'在' if in_window else '不在'}期内（解读A18）",
             f"Within {years} years of leaving school on {leave} means up to {deadline}; employment starting {start} is "
             f"{'inside' if in_window else 'outside'} it (reading A18)", (WINDOW_YEARS,))
    failures = failed_conditions(values, deadline)
    for zh, en in failures:
        ctx.reason(zh, en)
    if not failures:
        ctx.reason("离校后期限内到小微企业就业或灵活就业，此前未就业", "Took up qualifying employment within the window, unemployed until then")
        ctx.step("R7.1", "符合条件；补贴标准本文件未规定", "Eligible; the document sets no subsidy amount")
    return {"eligible": not failures, "deadline": deadline.isoformat()}


def failed_conditions(values: dict, deadline) -> list:
    """List the (zh, en) reasons the graduate does not qualify."""
    leave, start = values["leave_school_date"], values["employment_start_date"]
    failures = []
    if start < leave:
        failures.append(("就业早于离校", "Employment began before leaving school"))
    if start > deadline:
        failures.append((f"就业起始日晚于{deadline}", f"Employment began after {deadline}"))
    if values["employment_type"] not in QUALIFYING_TYPES:
        failures.append(("不是到小微企业就业或灵活就业", "Not employment in a small or micro enterprise, nor flexible employment"))
    if not values["unemployed_before_start"]:
        failures.append(("离校后曾经就业", "Was employed after leaving school"))
    return failures


CALCULATOR = Calculator(
    id="graduate-si-subsidy-eligibility",
    title=bi("高校毕业生社保补贴资格", "Graduate social-insurance subsidy eligibility"),
    rules=("R7.1",),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
)
