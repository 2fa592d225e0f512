"""R6.1/R6.2: exemption from the disability employment levy (disability-fund-exemption)."""
from ..dates import within
from ..deciding import DecidingDate
from ..spec import Calculator
from ..text import bi
from ..validation import Field
from .common import PERSONS, eligibility_output, flag, output

WINDOW_START = "disability_levy.window_start"
WINDOW_END = "disability_levy.window_end"
MAX_HEADCOUNT = "disability_levy.exempt_max_headcount"

FIELDS = (
    Field("in_service_headcount", "int", bi("在职职工总数", "In-service headcount"),
          bi("该次征收所依据的在职职工人数（通常为上年平均人数）。",
             "The in-service headcount the levy is based on (normally last year's average)."),
          required=True, unit=PERSONS, minimum=0),
    Field("levy_date", "date", bi("征收日期", "Levy collection date"), bi("残保金的征收日期。", "The day the levy is collected."), required=True),
    flag("is_enterprise", "企业", "Enterprise", "缴纳单位是否为企业。", "Whether the payer is an enterprise.", required=False, default=True),
    flag("major_direct_loss_from_epidemic", "因疫情遭受重大直接经济损失", "Major direct loss from the epidemic",
         "是否因疫情遭受重大直接经济损失。", "Whether the epidemic caused a major direct economic loss.", required=False, default=False),
)

OUTPUTS = (
    eligibility_output(),
    output("in_window", "bool", "征收日期在减免期内", "Levy date in the relief period"),
    output("exempt", "bool", "暂免征收", "Exempt"),
    output("notes", "list", "说明", "Notes"),
)


def compute(values: dict, ctx) -> dict:
    """Test the relief period, the enterprise condition and the headcount limit."""
    ctx.read("A16")
    start, end = ctx.param(WINDOW_START), ctx.param(WINDOW_END)
    in_window = within(values["levy_date"], start, end)
    ctx.step("R6.1", f"征收日期{values['levy_date']}{'在' if in_window else '不在'}{start}至{end}内",
             f"Levy date {values['levy_date']} is {'inside' if in_window else 'outside'} {start} to {end}",
             (WINDOW_START, WINDOW_END))
    exempt = in_window and values["is_enterprise"] and small_enough(values, ctx)
    explain(values, in_window, exempt, ctx)
    return {"eligible": exempt, "in_window": in_window, "exempt": exempt, "notes": ctx.notes}


def small_enough(values: dict, ctx) -> bool:
    """Compare the in-service headcount with the exemption limit."""
    limit = ctx.param(MAX_HEADCOUNT)
    headcount = values["in_service_headcount"]
    ok = headcount <= limit
    ctx.step("R6.1", f"在职职工{headcount}人，{'不超过' if ok else '超过'}{limit}人",
             f"{headcount} in-service staff, {'at most' if ok else 'more than'} {limit}", (MAX_HEADCOUNT,))
    return ok


def explain(values: dict, in_window: bool, exempt: bool, ctx) -> None:
    """Give the reasons and the notes on reductions the document leaves unquantified."""
    if not in_window:
        ctx.reason("征收日期不在减免期内", "The levy date is outside the relief period")
    elif not values["is_enterprise"]:
        ctx.reason("暂免征收仅适用于企业", "The exemption applies to enterprises only")
    elif exempt:
        ctx.reason("在职职工人数未超过界限，暂免征收", "Headcount within the limit: exempt")
    else:
        ctx.reason("在职职工人数超过界限，不予暂免", "Headcount above the limit: not exempt")
        ctx.note("适用分档减缴；档次比例不在本文件中", "Tiered reduction applies; the tier rates are not in this document")
    if values["major_direct_loss_from_epidemic"]:
        ctx.step("R6.2", "因疫情遭受重大直接经济损失的，可申请减免或者缓缴", "A major direct loss allows an application for reduction, exemption or deferral")
        ctx.note("可申请减免或者缓缴残保金（R6.2）", "May apply for reduction, exemption or deferral of the levy (R6.2)")


CALCULATOR = Calculator(
    id="disability-fund-exemption",
    title=bi("残保金免征", "Disability-levy exemption"),
    rules=("R6.1", "R6.2"),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
    decided_by=DecidingDate("levy_date", bi("征收日期", "the levy date")),
)
