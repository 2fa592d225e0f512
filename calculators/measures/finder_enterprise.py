"""Policy-finder tests for an enterprise profile, one function per rule."""
from ..dates import format_month
from ..money import format_number
from ..validation import given
from .finder_amounts import upper_bound
from .finder_match import INFO, LIKELY, OBLIGATION, POSSIBLE, match
from .m01_new_hire import OUTPUTS as NEW_HIRE_OUTPUTS
from .m01_new_hire import most_for
from .m05_job_retention import threshold_parameter, within_standard
from .m15_startup_loan import meets_ratio, ratio_parameter

SME_SIZES = ("micro", "small", "medium")
SMALL_MICRO_SIZES = ("micro", "small")
NEW_HIRE_SUBSIDY = next(output for output in NEW_HIRE_OUTPUTS if output.name == "subsidy")


def spring_festival(p: dict, ctx):
    """R1.1: a key-supplies producer that started production by the end of the Spring Festival period."""
    if not (p["is_key_epidemic_supplies_producer"] and given(p, "production_start_date")):
        return None
    last = ctx.param("sf_subsidy.window_end")
    if p["production_start_date"] > last:
        return None
    return match(ctx, "R1.1", LIKELY, (f"重点物资生产企业，于{p['production_start_date']}开工，不晚于{last}",
                                       f"Key-supplies producer that started on {p['production_start_date']}, not after {last}"),
                 "sf-employment-subsidy",
                 {"is_key_epidemic_supplies_producer": True, "production_start_date": p["production_start_date"].isoformat(),
                  **answered(p, "person_days")},
                 ("sf_subsidy.window_end",))


def hiring(p: dict, ctx):
    """R1.2: resumed work and hired in the window."""
    if not (p["resumed_work"] and given(p, "new_hires_in_window") and p["new_hires_in_window"] >= 1):
        return None
    found = match(ctx, "R1.2", LIKELY, (f"已复工，吸纳期间内新吸纳{p['new_hires_in_window']}人",
                                        f"Resumed work and hired {p['new_hires_in_window']} in the window"),
                  "new-hire-subsidy", {"resumed_work": True}, ("new_hire.window_start", "new_hire.window_end_default"))
    amount, condition = most_for(p["new_hires_in_window"], ctx)
    found["estimate"] = upper_bound("subsidy", NEW_HIRE_SUBSIDY.label, amount, condition)
    return found


def si_deferral(p: dict, ctx):
    """R4.1: an SME in temporary difficulty, subject to approval."""
    if not (p["size"] in SME_SIZES and p["temporary_difficulty_due_to_epidemic"]):
        return None
    return match(ctx, "R4.1", POSSIBLE, ("中小企业暂时困难，经批准后可缓缴", "An SME in temporary difficulty may defer, after approval"),
                 "si-deferral", {"is_sme": True, "temporary_difficulty_due_to_epidemic": True}, ("si_deferral.max_months",))


def medical_cut(p: dict, ctx):
    """R4.3: any employer with staff, subject to later provincial and municipal rules."""
    if not (given(p, "in_service_headcount") and p["in_service_headcount"] >= 1):
        return None
    start, end = ctx.param("medical_cut.start"), ctx.param("medical_cut.end")
    return match(ctx, "R4.3", POSSIBLE, ("职工医保单位费率阶段性降低，具体以省市文件为准",
                                         "Temporary cut in the employer medical rate; provincial and municipal rules decide the details"),
                 "medical-rate-cut", {"period_start_month": format_month(start), "period_end_month": format_month(end)},
                 ("medical_cut.start", "medical_cut.end"))


def pharma(p: dict, ctx):
    """R4.4: pharmaceutical producers and distributors."""
    if not p["is_pharma_producer_or_distributor"]:
        return None
    return match(ctx, "R4.4", POSSIBLE, ("医药生产和流通企业，可获提前预付货款", "Pharmaceutical producers and distributors may be paid in advance"))


def passes_layoff_test(p: dict, ctx) -> bool:
    """Tell whether an insured profile passes the layoff-rate standard (needs both numbers)."""
    if not (p["ui_insured"] and given(p, "insured_employees_base", "layoffs_last_year")):
        return False
    ctx.read("A11", "A12", "A13")
    threshold = ctx.param(threshold_parameter(p["insured_employees_base"], ctx.params))
    return within_standard(p["layoffs_last_year"], p["insured_employees_base"], threshold)


def answered(p: dict, *names: str) -> dict:
    """Return the named answers of a profile that were given, to prefill a calculator with."""
    return {name: p[name] for name in names if p.get(name) is not None}


def retention_inputs(p: dict) -> dict:
    """Prefill the job-retention calculator from a profile (money as the text the calculator reads)."""
    paid = answered(p, "last_year_ui_contributions_paid")
    return {"ui_insured": True, "insured_employees_base": p["insured_employees_base"], "layoffs": p["layoffs_last_year"],
            **{name: format(value, "f") for name, value in paid.items()}}


def retention(p: dict, ctx):
    """R5.1: insured and within the layoff-rate standard."""
    if not passes_layoff_test(p, ctx):
        return None
    return match(ctx, "R5.1", LIKELY, ("参加失业保险，裁员率未超过标准", "Insured, with a layoff rate within the standard"),
                 "job-retention-refund", retention_inputs(p), ("retention.refund_rate",))


def retention_struggling(p: dict, ctx):
    """R5.2: as R5.1, for an enterprise certified as struggling with recovery prospects."""
    if not (p["struggling_with_recovery_prospects"] and passes_layoff_test(p, ctx)):
        return None
    return match(ctx, "R5.2", POSSIBLE, ("经营困难且恢复有望，可按困难企业标准返还（需认定）",
                                         "Struggling with recovery prospects: the alternative standard may apply (needs certification)"),
                 "job-retention-refund", {**retention_inputs(p), "struggling_with_recovery_prospects": True},
                 ("retention.struggling_start", "retention.struggling_end"))


def disability_levy(p: dict, ctx):
    """R6.1: exempt at or below the headcount limit, tiered reduction above it."""
    if not given(p, "in_service_headcount"):
        return None
    limit = ctx.param("disability_levy.exempt_max_headcount")
    headcount = p["in_service_headcount"]
    if headcount <= limit:
        status, reason = LIKELY, (f"在职职工{headcount}人，不超过{limit}人，暂免征收残保金", f"{headcount} staff, at most {limit}: exempt from the levy")
    else:
        status, reason = POSSIBLE, (f"在职职工{headcount}人，超过{limit}人，适用分档减缴", f"{headcount} staff, more than {limit}: tiered reduction")
    return match(ctx, "R6.1", status, reason, "disability-fund-exemption", {"in_service_headcount": headcount},
                 ("disability_levy.exempt_max_headcount",))


def disability_loss(p: dict, ctx):
    """R6.2: a major direct loss from the epidemic."""
    if not p["major_direct_loss_from_epidemic"]:
        return None
    return match(ctx, "R6.2", POSSIBLE, ("因疫情遭受重大直接经济损失，可申请减免或缓缴残保金",
                                         "A major direct loss: may apply to reduce, waive or defer the levy"))


def housing_fund(p: dict, ctx):
    """R6.3: an MSME in difficulty."""
    if not (p["size"] in SME_SIZES and p["temporary_difficulty_due_to_epidemic"]):
        return None
    minimum = format_number(ctx.param("housing_fund.min_rate"))
    return match(ctx, "R6.3", POSSIBLE, (f"中小微企业经营困难，可申请按各{minimum}%缴存或缓缴住房公积金",
                                         f"An MSME in difficulty may apply to contribute {minimum}% each or to defer"),
                 "housing-fund-relief", {"is_msme": True, "difficulty_due_to_epidemic": True}, ("housing_fund.min_rate",))


def interns(p: dict, ctx):
    """R7.2: a host of graduate interns."""
    if not p["hosts_graduate_interns"]:
        return None
    return match(ctx, "R7.2", POSSIBLE, ("接收高校毕业生见习，可申请就业见习补贴", "Hosts graduate interns: the internship subsidy may apply"),
                 "internship-subsidy", {}, ("internship.rate_of_min_wage",))


def labour_export(p: dict, ctx):
    """R8.1: labour cooperatives and brokers."""
    if not p["is_labour_cooperative_or_broker"]:
        return None
    return match(ctx, "R8.1", POSSIBLE, ("开展有组织劳务输出的，可通过购买服务获得支持", "Organised labour export may be supported by purchased services"))


def workshop(p: dict, ctx):
    """R9.2: a poverty-alleviation workshop that kept operating."""
    if not p["is_poverty_alleviation_workshop_operating"]:
        return None
    return match(ctx, "R9.2", POSSIBLE, ("疫情期间正常经营的就业扶贫车间，可获补助", "A poverty-alleviation workshop that kept operating may be subsidised"))


def startup_loan(p: dict, ctx):
    """R15.1: a small or micro enterprise whose share of new hires reaches the requirement."""
    if not (p["wants_startup_loan"] and p["size"] in SMALL_MICRO_SIZES and given(p, "current_staff", "new_eligible_hires_this_year")):
        return None
    ctx.read("A24")
    ratio_id = ratio_parameter(p["current_staff"], ctx.params)
    if not meets_ratio(p["new_eligible_hires_this_year"], p["current_staff"], ctx.param(ratio_id)):
        return None
    return match(ctx, "R15.1", LIKELY, ("小微企业，新招用人员比例达到要求", "A small or micro enterprise whose share of new hires meets the requirement"),
                 "startup-loan", {"mode": "enterprise", "current_staff": p["current_staff"],
                                  "new_eligible_hires_this_year": p["new_eligible_hires_this_year"]},
                 ("startup_loan.large_staff_threshold", ratio_id))


def incubator(p: dict, ctx):
    """R16.1: a provincial demonstration base that waived rent."""
    if not (p["is_provincial_incubation_demo_base"] and p["waived_rent_for_sme_tenants"]):
        return None
    return match(ctx, "R16.1", LIKELY, ("省级创业孵化示范基地为承租中小企业减免租金", "A provincial demonstration base that waived rent for SME tenants"),
                 "incubator-operating-subsidy", {"is_provincial_demo_base": True}, ("incubator.rate",))


def layoff_notice(p: dict, ctx):
    """R18.1: an enterprise planning economic layoffs has duties."""
    if not p["planning_economic_layoff"]:
        return None
    days = ctx.param("layoff_notice.days")
    return match(ctx, "R18.1", OBLIGATION, (f"拟经济性裁员，须提前{days}日说明情况并依法安置", f"Planning economic layoffs: explain {days} days ahead and follow the law"),
                 "layoff-notice-check", {}, ("layoff_notice.days",))


def skills_evaluation(p: dict, ctx):
    """Measure 12: self-evaluation of skilled workers in enterprises above designated size."""
    if not p["above_designated_size"]:
        return None
    return match(ctx, "M12", INFO, ("规模以上企业推行企业技能人才自主评价", "Enterprises above designated size self-evaluate their skilled workers"))


def general_information(p: dict, ctx) -> list:
    """The items every enterprise should know of: R4.2, M2, M3, M19, M22, M23."""
    end = ctx.param("ui_injury_rate_cut.end")
    return [
        match(ctx, "R4.2", INFO, (f"失业、工伤保险阶段性降费率延长至{end}", f"Reduced unemployment- and work-injury-insurance rates run until {end}"),
              parameters=("ui_injury_rate_cut.end",)),
        match(ctx, "M2", INFO, ("线上招聘服务", "Online recruitment services")),
        match(ctx, "M3", INFO, ("组织劳动者安全有序返岗", "Safe and orderly return of workers")),
        match(ctx, "M19", INFO, ("通过协商稳定劳动关系", "Stable labour relations through consultation")),
        match(ctx, "M22", INFO, ("政策协同，减小对就业的影响", "Policies coordinated to limit their effect on jobs")),
        match(ctx, "M23", INFO, ("公共就业服务", "Public employment services")),
    ]


ENTERPRISE_TESTS = (
    spring_festival, hiring, si_deferral, medical_cut, pharma, retention, retention_struggling, disability_levy,
    disability_loss, housing_fund, interns, labour_export, workshop, startup_loan, incubator, layoff_notice,
    skills_evaluation,
)


def enterprise_matches(p: dict, ctx) -> list:
    """Run every enterprise test and add the general information items."""
    return [test(p, ctx) for test in ENTERPRISE_TESTS] + general_information(p, ctx)
