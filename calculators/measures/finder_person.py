"""Policy-finder tests for a person profile, one function per rule."""
from ..dates import add_years, within
from ..validation import given
from .finder_match import INFO, LIKELY, POSSIBLE, match
from .m07_graduate_si import QUALIFYING_TYPES


def graduate_si(p: dict, ctx):
    """R7.1: a graduate who took qualifying employment within the window after leaving school."""
    if not (p["is_college_graduate"] and p["unemployed_before_start"] and p["employment_type"] in QUALIFYING_TYPES):
        return None
    if not given(p, "leave_school_date", "employment_start_date"):
        return None
    ctx.read("A18")
    deadline = add_years(p["leave_school_date"], ctx.param("graduate_si.window_years"))
    if not within(p["employment_start_date"], p["leave_school_date"], deadline):
        return None
    return match(ctx, "R7.1", LIKELY, (f"高校毕业生于{deadline}前到小微企业就业或灵活就业", f"A graduate in qualifying employment by {deadline}"),
                 "graduate-si-subsidy-eligibility",
                 {"leave_school_date": p["leave_school_date"].isoformat(), "employment_start_date": p["employment_start_date"].isoformat(),
                  "employment_type": p["employment_type"], "unemployed_before_start": True},
                 ("graduate_si.window_years",))


def internship(p: dict, ctx):
    """R7.2: a graduate in an internship (the subsidy goes to the host)."""
    if not (p["is_college_graduate"] and p["in_internship"]):
        return None
    return match(ctx, "R7.2", POSSIBLE, ("高校毕业生参加就业见习，补贴发给见习单位", "A graduate intern; the subsidy is paid to the host"),
                 "internship-subsidy", {}, ("internship.rate_of_min_wage",))


def immediate_assistance(p: dict, ctx):
    """R9.0: members of zero-employment households and registered poor people."""
    if not (p["zero_employment_household"] or p["registered_poor"]):
        return None
    return match(ctx, "R9.0", POSSIBLE, ("零就业家庭成员或建档立卡贫困劳动力，可获即时就业援助",
                                         "Zero-employment household or registered poor: immediate employment assistance"))


def expiring_entitlement(p: dict, window: tuple) -> tuple | None:
    """Return (policy_type, end date) of the first entitlement that ended in the window, if any."""
    if given(p, "public_welfare_post_end_date") and within(p["public_welfare_post_end_date"], *window):
        return "public_welfare_post", p["public_welfare_post_end_date"]
    if p["hard_to_employ"] and given(p, "flexible_si_subsidy_end_date") and within(p["flexible_si_subsidy_end_date"], *window):
        return "flexible_employment_si_subsidy", p["flexible_si_subsidy_end_date"]
    return None


def assistance_extension(p: dict, ctx):
    """R9.1: an assistance entitlement that ended in the window without stable employment."""
    if p["stably_employed"]:
        return None
    ctx.read("A22")
    window = (ctx.param("assistance.window_start_default"), ctx.param("assistance.window_end_default"))
    found = expiring_entitlement(p, window)
    if not found:
        return None
    policy_type, end = found
    return match(ctx, "R9.1", LIKELY, (f"就业援助政策于{end}期满，仍未稳定就业", f"An assistance entitlement ended on {end} without stable employment"),
                 "assistance-extension",
                 {"policy_type": policy_type, "original_end_date": end.isoformat(), "stably_employed_at_expiry": False,
                  "is_hard_to_employ": p["hard_to_employ"]},
                 ("assistance.window_start_default", "assistance.window_end_default"))


def preparation_training(p: dict, ctx):
    """R11.1: registered unemployed young people willing to work."""
    if not (given(p, "age") and p["registered_unemployed"] and p["willing_to_work"]):
        return None
    ctx.read("A23")
    limit = ctx.param("prep_training.max_age")
    if p["age"] > limit:
        return None
    return match(ctx, "R11.1", LIKELY, (f"{p['age']}岁（不超过{limit}岁）登记失业人员，有就业意愿", f"Registered unemployed, aged {p['age']} (at most {limit}), willing to work"),
                 parameters=("prep_training.max_age",))


def partnership_loan(p: dict, ctx):
    """R15.2: borrowers starting a business together."""
    if not p["partnership_entrepreneur"]:
        return None
    return match(ctx, "R15.2", POSSIBLE, ("合伙创业，可申请创业担保贷款（需银行和担保机构审批）", "Partnership start-up: may apply for a guaranteed loan (bank and guarantor decide)"),
                 "startup-loan", {"mode": "partnership"}, ("startup_loan.partnership_cap",))


def benefit_extension(p: dict, ctx):
    """R20.1: benefits that expired close to retirement, still unemployed."""
    if p["stably_employed"] or not given(p, "ui_benefit_expiry_date", "statutory_retirement_date"):
        return None
    ctx.read("A28")
    expiry, retirement = p["ui_benefit_expiry_date"], p["statutory_retirement_date"]
    limit = add_years(expiry, ctx.param("ui_extension.max_years_to_retirement"))
    if not (expiry >= ctx.param("ui_extension.expiry_from") and expiry < retirement < limit):
        return None
    return match(ctx, "R20.1", LIKELY, (f"失业保险金于{expiry}期满，距法定退休年龄不足规定期限", f"Benefits expired on {expiry}, close enough to retirement"),
                 "ui-extension-to-retirement",
                 {"benefit_expiry_date": expiry.isoformat(), "statutory_retirement_date": retirement.isoformat(), "still_unemployed": True},
                 ("ui_extension.expiry_from", "ui_extension.max_years_to_retirement"))


def hardship(p: dict, ctx) -> list:
    """R20.2 and R20.3: laid-off or unemployed people in hardship."""
    if not p["living_difficulty_laid_off"]:
        return []
    return [
        match(ctx, "R20.2", POSSIBLE, ("生活困难的下岗失业人员，可获一次性临时生活补助", "Laid off and in hardship: a one-off temporary allowance")),
        match(ctx, "R20.3", POSSIBLE, ("生活困难的失业人员及其家庭，可纳入低保、临时救助", "Unemployed and in hardship: minimum living allowance and temporary assistance")),
    ]


def medical_coverage(p: dict, ctx):
    """R20.4: registered poor, dibao recipients and persons in extreme poverty."""
    if not (p["registered_poor"] or p["dibao_or_extreme_poverty"]):
        return None
    return match(ctx, "R20.4", POSSIBLE, ("加大基本医保、大病保险、医疗救助保障力度", "Stronger basic medical, critical-illness and medical-assistance cover"))


def group_information(p: dict, ctx) -> list:
    """M8, M10 and M14: information for the groups a person belongs to."""
    items = []
    if p["migrant_worker"]:
        items.append(match(ctx, "M8", INFO, ("就地就近就业和工资支付监管", "Local employment and wage-payment monitoring")))
    if p["veteran"] or p["disabled"] or p["female"]:
        items.append(match(ctx, "M10", INFO, ("退役军人、残疾人和妇女就业支持", "Employment support for veterans, persons with disabilities and women")))
    if p["returning_entrepreneur"]:
        items.append(match(ctx, "M14", INFO, ("返乡入乡创业支持", "Support for returning-home and rural entrepreneurs")))
    return items


PERSON_TESTS = (
    graduate_si, internship, immediate_assistance, assistance_extension, preparation_training, partnership_loan,
    benefit_extension, medical_coverage,
)


def person_matches(p: dict, ctx) -> list:
    """Run every person test, with the hardship and group items."""
    return [test(p, ctx) for test in PERSON_TESTS] + hardship(p, ctx) + group_information(p, ctx)
