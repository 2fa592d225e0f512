"""R1.2: the one-off hiring subsidy (new-hire-subsidy)."""
from ..dates import within
from ..deciding import DecidingDate
from ..errors import inconsistent, required
from ..money import format_money, yuan_en, yuan_zh
from ..spec import Calculator
from ..text import bi
from ..validation import Field
from .common import MONTHS, PERSONS, eligibility_output, flag, output

RATE = "new_hire.subsidy_per_hire"
WINDOW_START = "new_hire.window_start"
WINDOW_END = "new_hire.window_end_default"
MIN_CONTRACT = "new_hire.min_contract_months"

HIRE_FIELDS = (
    Field("hire_date", "date", bi("入职日期", "Hire date"), bi("劳动合同起始日期。", "The start date of the labour contract."), required=True),
    Field(
        "contract_months", "int", bi("合同期限", "Contract term"),
        bi("劳动合同期限（月）；无固定期限合同可不填。", "Contract term in months; not needed for an open-ended contract."),
        unit=MONTHS, minimum=0,
    ),
    flag("open_ended", "无固定期限合同", "Open-ended contract", "是否为无固定期限劳动合同。",
         "Whether the contract has no fixed term.", required=False, default=False),
    flag("social_insurance_paid", "已缴纳社会保险", "Social insurance paid", "是否已为其缴纳社会保险。",
         "Whether social insurance has been paid for this hire."),
)

FIELDS = (
    flag("resumed_work", "已复工", "Resumed work", "企业是否已复工。", "Whether the enterprise has resumed work."),
    Field(
        "hires", "list", bi("新吸纳人员", "New hires"),
        bi("每名新吸纳人员一项。", "One entry per person newly hired."), required=True, fields=HIRE_FIELDS,
    ),
    Field(
        "window_end", "date", bi("吸纳期间截止日", "Last day of the hiring window"),
        bi("不填则用参数中的默认截止日；按民法典计算的截止日更晚。", "Leave blank for the default in the parameters; the Civil Code count gives a later day."),
        default_parameter=WINDOW_END,
    ),
    flag("key_supplies_only", "仅限重点物资生产企业", "Key-supplies producers only",
         "按较窄的解读，仅限疫情防控重点物资生产企业。", "Apply the narrower reading: key-supplies producers only.",
         required=False, default=False),
    flag("is_key_epidemic_supplies_producer", "疫情防控重点物资生产企业", "Producer of key epidemic-prevention supplies",
         "选择“仅限重点物资生产企业”时必填。", "Required when key-supplies producers only is chosen.", required=False),
)

OUTPUTS = (
    eligibility_output(),
    output("eligible_hires", "int", "符合条件的人数", "Qualifying hires", PERSONS),
    output("per_hire", "list", "逐人是否符合", "Qualifies, per hire"),
    output("per_hire_reasons", "list", "逐人原因", "Reason, per hire"),
    output("subsidy", "money", "补贴金额", "Subsidy"),
    output("window_start", "date", "吸纳期间起始日", "Hiring window start"),
    output("window_end", "date", "吸纳期间截止日", "Hiring window end"),
)


def check(values: dict, params) -> list:
    """Require a contract term unless open-ended, the producer flag when asked, and an ordered window."""
    errors = [
        required("hires.contract_months")
        for hire in values.get("hires") or ()
        if hire["contract_months"] is None and not hire["open_ended"]
    ]
    if values.get("key_supplies_only") and "is_key_epidemic_supplies_producer" in values:
        if values["is_key_epidemic_supplies_producer"] is None:
            errors.append(required("is_key_epidemic_supplies_producer"))
    window_end = values.get("window_end")
    if window_end and window_end < params.get(WINDOW_START):
        errors.append(inconsistent("window_end", "截止日早于吸纳期间起始日", "the last day is before the first day of the window"))
    return errors


def compute(values: dict, ctx) -> dict:
    """Test each hire against the window, contract and social-insurance conditions, then pay per hire."""
    ctx.read("A5", "A6", "A7")
    window = hiring_window(values, ctx)
    blocker = enterprise_blocker(values, ctx)
    min_months = ctx.param(MIN_CONTRACT)
    assessed = [blocker or assess_hire(hire, window, min_months) for hire in values["hires"]]
    qualifying = sum(1 for ok, _ in assessed if ok)
    rate = ctx.param(RATE)
    subsidy = subsidy_for(qualifying, ctx)
    ctx.step(
        "R1.2",
        f"{yuan_zh(rate)} × {qualifying}人 = {yuan_zh(subsidy)}（未设上限）",
        f"{yuan_en(rate)} × {qualifying} hires = {yuan_en(subsidy)} (no cap stated)",
        (RATE, MIN_CONTRACT),
    )
    return {
        "eligible": qualifying > 0,
        "eligible_hires": qualifying,
        "per_hire": [ok for ok, _ in assessed],
        "per_hire_reasons": [reason for _, reason in assessed],
        "subsidy": format_money(subsidy),
        "window_start": window[0].isoformat(),
        "window_end": window[1].isoformat(),
    }


def subsidy_for(qualifying: int, ctx):
    """Return the subsidy in yuan (Decimal) for a number of qualifying hires: the rate per hire times the hires, no cap (R1.2)."""
    return ctx.param(RATE) * qualifying


def most_for(hires: int, ctx) -> tuple:
    """Return (the subsidy in yuan if every one of a number of hires qualifies, the conditions each must meet, {zh, en}).

    The policy finder's upper bound from a head count alone (R1.2): the hire date in the default window, a contract of
    at least the minimum term (or open-ended) and social insurance paid are what the calculator checks per hire."""
    first, last, months = ctx.param(WINDOW_START), ctx.param(WINDOW_END), ctx.param(MIN_CONTRACT)
    ctx.step("R1.2", f"最多{hires}人 × {yuan_zh(ctx.param(RATE))}", f"At most {hires} hires × {yuan_en(ctx.param(RATE))}",
             (RATE, WINDOW_START, WINDOW_END, MIN_CONTRACT))
    condition = bi(f"前提是每人于{first}至{last}入职、签订{months}个月以上（或无固定期限）劳动合同并已缴纳社会保险",
                   f"If each was hired between {first} and {last}, has a labour contract of at least {months} months "
                   f"(or open-ended) and has social insurance paid")
    return subsidy_for(hires, ctx), condition


def hiring_window(values: dict, ctx) -> tuple:
    """Return the (first, last) day of the hiring window, citing the parameters used."""
    first = ctx.param(WINDOW_START)
    if values["window_end"]:
        last = values["window_end"]
        ctx.step("R1.2", f"吸纳期间：{first}至所填截止日{last}", f"Hiring window: {first} to the given last day {last}", (WINDOW_START,))
        return first, last
    last = ctx.param(WINDOW_END)
    ctx.step("R1.2", f"吸纳期间：{first}至{last}（解读A6）", f"Hiring window: {first} to {last} (reading A6)", (WINDOW_START, WINDOW_END))
    return first, last


def enterprise_blocker(values: dict, ctx):
    """Return (False, reason) when the enterprise itself does not qualify, else None."""
    if not values["resumed_work"]:
        reason = bi("企业未复工", "The enterprise has not resumed work")
    elif values["key_supplies_only"] and not values["is_key_epidemic_supplies_producer"]:
        reason = bi("按“仅限重点物资生产企业”解读，本企业不符合", "Under the key-supplies-only reading, this enterprise does not qualify")
    else:
        ctx.reason("企业已复工", "The enterprise has resumed work")
        return None
    ctx.reason(reason["zh"], reason["en"])
    ctx.step("R1.2", reason["zh"], reason["en"])
    return False, reason


def assess_hire(hire: dict, window: tuple, min_months: int) -> tuple:
    """Return (qualifies, bilingual reason) for one hire."""
    problems = hire_problems(hire, window, min_months)
    if problems:
        return False, bi("；".join(zh for zh, _ in problems), "; ".join(en for _, en in problems))
    term_zh, term_en = contract_words(hire)
    return True, bi(
        f"{hire['hire_date']}入职，{term_zh}，已缴纳社会保险",
        f"Hired on {hire['hire_date']}, {term_en}, social insurance paid",
    )


def hire_problems(hire: dict, window: tuple, min_months: int) -> list:
    """List the (zh, en) reasons a hire fails the conditions."""
    problems = []
    if not within(hire["hire_date"], *window):
        problems.append((f"入职日期{hire['hire_date']}不在{window[0]}至{window[1]}之间",
                         f"hire date {hire['hire_date']} is outside {window[0]} to {window[1]}"))
    if not hire["open_ended"] and hire["contract_months"] < min_months:
        problems.append((f"合同期限{hire['contract_months']}个月，短于{min_months}个月",
                         f"contract of {hire['contract_months']} months is shorter than {min_months} months"))
    if not hire["social_insurance_paid"]:
        problems.append(("未缴纳社会保险", "social insurance not paid"))
    return problems


def contract_words(hire: dict) -> tuple:
    """Describe a hire's contract term in both languages."""
    if hire["open_ended"]:
        return "无固定期限合同", "open-ended contract"
    return f"合同{hire['contract_months']}个月", f"contract of {hire['contract_months']} months"


CALCULATOR = Calculator(
    id="new-hire-subsidy",
    title=bi("一次性吸纳就业补贴", "One-off hiring subsidy"),
    rules=("R1.2",),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
    check=check,
    decided_by=DecidingDate("hires.hire_date", bi("最早的入职日期", "the earliest hire date")),
    headline="subsidy",
)
