"""R15.1/R15.2: guaranteed start-up loans (startup-loan)."""
from ..deciding import ASKED
from ..errors import inconsistent, invalid_value, required
from ..money import format_money, format_number, format_percent, format_ratio_percent, percent_ratio, ratio_percent_beside, yuan_en, yuan_zh
from ..spec import Calculator
from ..text import bi
from ..validation import Field, given
from .common import PERSONS, YUAN, eligibility_output, output

RATIO = "startup_loan.hiring_ratio"
LARGE_STAFF = "startup_loan.large_staff_threshold"
LARGE_RATIO = "startup_loan.large_hiring_ratio"
PARTNERSHIP_CAP = "startup_loan.partnership_cap"
MIN_PARTNERS = "startup_loan.min_partners"
MODE_FIELDS = {
    "enterprise": ("current_staff", "new_eligible_hires_this_year"),
    "partnership": ("eligible_partners", "requested_amount"),
}

MODE_LABELS = {"enterprise": bi("小微企业", "small or micro enterprise"),
               "partnership": bi("合伙创业或共同创业", "partnership")}

FIELDS = (
    Field("mode", "choice", bi("申请类型", "Applicant"),
          bi("小微企业，或合伙创业、共同创业。", "A small or micro enterprise, or borrowers starting a business together."),
          required=True, choices=tuple(MODE_FIELDS), choice_labels=MODE_LABELS),
    Field("current_staff", "int", bi("现有职工人数", "Current staff"), bi("企业申请必填，含当年新招用人员。", "Enterprise mode; includes this year's new hires."),
          unit=PERSONS, minimum=1),
    Field("new_eligible_hires_this_year", "int", bi("当年新招用符合条件人员", "Eligible new hires this year"),
          bi("企业申请必填。", "Enterprise mode."), unit=PERSONS, minimum=0),
    Field("eligible_partners", "int", bi("符合条件的借款人人数", "Eligible borrowers"), bi("合伙申请必填。", "Partnership mode."), unit=PERSONS),
    Field("requested_amount", "money", bi("申请贷款额", "Amount requested"), bi("合伙申请必填；超过上限的按上限计。", "Partnership mode; amounts above the cap are capped."),
          unit=YUAN),
)

OUTPUTS = (
    eligibility_output(),
    output("mode", "choice", "申请类型", "Applicant", choices=MODE_LABELS),
    output("threshold_pct", "percent", "新招用人员比例要求", "Required share of new hires"),
    output("ratio_pct", "percent", "新招用人员比例", "Share of new hires"),
    output("min_hires_needed", "int", "至少需新招用人数", "New hires needed", PERSONS),
    output("max_loan", "money", "贷款上限", "Loan cap"),
    output("approvable", "money", "可申请额度", "Amount that may be applied for"),
    output("capped", "bool", "是否触及上限", "Cap applied"),
    output("notes", "list", "说明", "Notes"),
)


def check(values: dict, params) -> list:
    """Require the fields of the chosen mode and check them against each other and the minimum."""
    mode = values.get("mode")
    if mode is None:
        return []
    errors = [required(name) for name in MODE_FIELDS[mode] if name in values and values[name] is None]
    if mode == "enterprise" and given(values, "current_staff", "new_eligible_hires_this_year"):
        if values["new_eligible_hires_this_year"] > values["current_staff"]:
            errors.append(inconsistent("new_eligible_hires_this_year", "新招用人数超过现有职工人数", "new hires exceed current staff"))
    minimum = params.get(MIN_PARTNERS)
    if mode == "partnership" and given(values, "eligible_partners") and values["eligible_partners"] < minimum:
        errors.append(invalid_value("eligible_partners", f"合伙创业至少需要{minimum}名借款人", f"a partnership needs at least {minimum} borrowers"))
    return errors


def compute(values: dict, ctx) -> dict:
    """Run the enterprise ratio test or the partnership cap."""
    warn_unused(values, ctx)
    ctx.note("本文件未规定利息、担保费和个人贷款上限，均不计算", "Interest, guarantee fees and the individual cap are not in this document and are not computed")
    outputs = enterprise(values, ctx) if values["mode"] == "enterprise" else partnership(values, ctx)
    return {**outputs, "mode": values["mode"], "notes": ctx.notes}


def warn_unused(values: dict, ctx) -> None:
    """Warn about fields given for the other mode, which are ignored."""
    labels = {field.name: field.label for field in FIELDS}
    for mode, names in MODE_FIELDS.items():
        for name in names:
            if mode != values["mode"] and values[name] is not None:
                ctx.warn(f"“{labels[name]['zh']}”不用于当前申请类型，已忽略",
                         f"“{labels[name]['en']}” is not used for this applicant and was ignored")


def ratio_parameter(staff: int, params) -> str:
    """Return the id of the required share of new hires for a staff size."""
    return LARGE_RATIO if staff > params.get(LARGE_STAFF) else RATIO


def meets_ratio(hires: int, staff: int, threshold) -> bool:
    """Tell whether hires ÷ staff reaches the required share, compared exactly by cross-multiplying."""
    numerator, denominator = percent_ratio(threshold)
    return hires * denominator >= numerator * staff


def hires_needed(staff: int, threshold) -> int:
    """Return the fewest new hires reaching the required share: the ceiling of threshold % of staff, exactly."""
    numerator, denominator = percent_ratio(threshold)
    return -(-numerator * staff // denominator)


def enterprise(values: dict, ctx) -> dict:
    """Compare the share of new hires with the required share, exactly."""
    ctx.read("A24")
    staff, hires = values["current_staff"], values["new_eligible_hires_this_year"]
    limit = ctx.param(LARGE_STAFF)
    ratio_id = ratio_parameter(staff, ctx.params)
    threshold = ctx.param(ratio_id)
    eligible = meets_ratio(hires, staff, threshold)
    needed = hires_needed(staff, threshold)
    share_pct, shown = format_ratio_percent(hires, staff), ratio_percent_beside(hires, staff, threshold)
    size_zh, size_en = (f"超过{limit}人", f"more than {limit}") if staff > limit else (f"不超过{limit}人", f"at most {limit}")
    ctx.step(
        "R15.1",
        f"现有职工{staff}人（{size_zh}），比例要求{format_number(threshold)}%；{hires} ÷ {staff} = {shown}%"
        f"{'，达到' if eligible else '，未达到'}；至少需{needed}人（解读A24）",
        f"{staff} staff ({size_en}): required share {format_number(threshold)}%; {hires} ÷ {staff} = {shown}%, "
        f"{'reached' if eligible else 'not reached'}; {needed} new hires needed (reading A24)",
        (LARGE_STAFF, ratio_id),
    )
    reached_zh, reached_en = ("达到", "reaches") if eligible else ("未达到", "is below")
    ctx.show("ratio_pct", f"{shown}%（{reached_zh}要求的{format_number(threshold)}%）",
             f"{shown}% ({reached_en} the required {format_number(threshold)}%)")
    if eligible:
        ctx.reason("新招用人员比例达到要求", "The share of new hires meets the requirement")
    else:
        ctx.reason("新招用人员比例未达到要求", "The share of new hires is below the requirement")
    return {
        "eligible": eligible, "threshold_pct": format_percent(threshold), "ratio_pct": share_pct,
        "min_hires_needed": needed, "max_loan": None, "approvable": None, "capped": None,
    }


def partnership(values: dict, ctx) -> dict:
    """Clip the requested partnership loan at the cap."""
    ctx.read("A25")
    cap = ctx.param(PARTNERSHIP_CAP)
    requested = values["requested_amount"]
    approvable = min(requested, cap)
    ctx.step(
        "R15.2",
        f"{values['eligible_partners']}名借款人合伙创业（至少{ctx.param(MIN_PARTNERS)}名）；"
        f"min({yuan_zh(requested)}, 上限{yuan_zh(cap)}) = {yuan_zh(approvable)}（解读A25）",
        f"{values['eligible_partners']} borrowers in partnership (at least {ctx.param(MIN_PARTNERS)}); "
        f"min({yuan_en(requested)}, cap {yuan_en(cap)}) = {yuan_en(approvable)} (reading A25)",
        (MIN_PARTNERS, PARTNERSHIP_CAP),
    )
    ctx.reason("合伙创业，可申请创业担保贷款；是否发放由经办银行和担保机构审批", "A partnership may apply; the bank and guarantor decide")
    return {
        "eligible": True, "threshold_pct": None, "ratio_pct": None, "min_hires_needed": None,
        "max_loan": format_money(cap), "approvable": format_money(approvable), "capped": requested > cap,
    }


CALCULATOR = Calculator(
    id="startup-loan",
    title=bi("创业担保贷款", "Guaranteed start-up loan"),
    rules=("R15.1", "R15.2"),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
    check=check,
    decided_by=ASKED,
    headline="approvable",
    adds_up=False,
)
