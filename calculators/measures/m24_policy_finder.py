"""M24: the policy finder (政策找人), listing the rules a profile meets (policy-finder)."""
from dataclasses import replace

from ..deciding import ASKED
from ..errors import inconsistent
from ..money import format_money
from ..spec import Calculator
from ..text import bi
from ..validation import Field, given
from .common import PERSON_DAYS, PERSONS, YUAN, flag, output
from .finder_amounts import amount_text, estimate, total
from .finder_enterprise import enterprise_matches
from .finder_match import INFO, OPEN, STATUS_LABELS, in_time, ordered
from .finder_person import person_matches
from .m07_graduate_si import EMPLOYMENT_TYPES


SIZES = {"micro": bi("微型企业", "micro"), "small": bi("小型企业", "small"), "medium": bi("中型企业", "medium"),
         "large": bi("大型企业", "large")}
PROFILES = {"enterprise": bi("企业（用人单位）", "an enterprise (employer)"), "person": bi("个人（劳动者、求职者）", "a person (worker or job seeker)")}


def optional_flag(name: str, zh: str, en: str) -> Field:
    """Declare a profile yes/no field that counts as no when left out."""
    return flag(name, zh, en, "不填视为否。", "Left out counts as no.", required=False, default=False)


def number(name: str, zh: str, en: str, minimum: int) -> Field:
    """Declare an optional whole-number profile field."""
    return Field(name, "int", bi(zh, en), bi("不填则相关条件视为未满足。", "If left out, conditions needing it are not met."),
                 unit=PERSONS, minimum=minimum)


def day(name: str, zh: str, en: str) -> Field:
    """Declare an optional date profile field."""
    return Field(name, "date", bi(zh, en), bi("不填则相关条件视为未满足。", "If left out, conditions needing it are not met."))


def in_group(group: str, fields: tuple, more: bool = False) -> tuple:
    """Put profile fields in a group of the questionnaire; more marks those that only refine a result."""
    return tuple(replace(field, group=group, more=more) for field in fields)


ENTERPRISE_FIELDS = in_group("enterprise", (
    Field("size", "choice", bi("企业规模", "Enterprise size"), bi("按国家中小企业划型标准。", "By the national SME size classification."),
          choices=tuple(SIZES), choice_labels=SIZES),
    optional_flag("is_key_epidemic_supplies_producer", "疫情防控重点物资生产企业", "Producer of key epidemic-prevention supplies"),
    day("production_start_date", "开工日期", "Production start date"),
    optional_flag("resumed_work", "已复工", "Resumed work"),
    optional_flag("temporary_difficulty_due_to_epidemic", "受疫情影响暂时困难", "Temporary difficulty due to the epidemic"),
    optional_flag("ui_insured", "参加失业保险", "Insured for unemployment insurance"),
    Field("last_year_ui_contributions_paid", "money", bi("上年度实际缴纳失业保险费", "UI contributions paid last year"),
          bi("填写后可估算稳岗返还金额。", "Give it to estimate the job-retention refund."), unit=YUAN),
    optional_flag("planning_economic_layoff", "拟进行经济性裁员", "Planning economic layoffs"),
)) + in_group("staff", (
    Field("person_days", "int", bi("春节期间用工人天数", "Person-days worked in the Spring Festival period"),
          bi("自开工之日起至春节期间截止日的人天数；填写后可估算春节期间用工补贴。",
             "Person-days from the start of production to the end of the Spring Festival period; give it to estimate the subsidy."),
          unit=PERSON_DAYS, minimum=0),
    number("new_hires_in_window", "吸纳期间内新吸纳人数", "Qualifying hires in the hiring window", 0),
    number("insured_employees_base", "年初参保职工人数", "Insured staff at the start of last year", 1),
    number("layoffs_last_year", "上年度裁员人数", "Layoffs last year", 0),
    number("in_service_headcount", "在职职工总数", "In-service headcount", 0),
    optional_flag("hosts_graduate_interns", "接收高校毕业生见习", "Hosts graduate interns"),
)) + in_group("enterprise", (
    optional_flag("struggling_with_recovery_prospects", "经营困难且恢复有望", "In difficulty with recovery prospects"),
    optional_flag("major_direct_loss_from_epidemic", "因疫情遭受重大直接经济损失", "Major direct loss from the epidemic"),
    optional_flag("is_pharma_producer_or_distributor", "医药生产或流通企业", "Pharmaceutical producer or distributor"),
    optional_flag("is_labour_cooperative_or_broker", "劳务合作社或劳务经纪人", "Labour cooperative or broker"),
    optional_flag("is_poverty_alleviation_workshop_operating", "正常经营的就业扶贫车间", "Operating poverty-alleviation workshop"),
    optional_flag("wants_startup_loan", "有意申请创业担保贷款", "Wants a guaranteed start-up loan"),
    number("current_staff", "现有职工人数", "Current staff", 1),
    number("new_eligible_hires_this_year", "当年新招用符合条件人员", "Eligible new hires this year", 0),
    optional_flag("is_provincial_incubation_demo_base", "省级创业孵化示范基地", "Provincial demonstration incubation base"),
    optional_flag("waived_rent_for_sme_tenants", "为承租中小企业减免租金", "Waived rent for SME tenants"),
    optional_flag("above_designated_size", "规模以上企业", "Above designated size"),
), more=True)

PERSON_FIELDS = in_group("person", (
    number("age", "年龄（周岁）", "Age in completed years", 0),
    optional_flag("registered_unemployed", "登记失业", "Registered unemployed"),
    optional_flag("willing_to_work", "有就业意愿", "Willing to work"),
    optional_flag("is_college_graduate", "高校毕业生", "College graduate"),
    day("leave_school_date", "离校日期", "Date of leaving school"),
    day("employment_start_date", "就业起始日期", "Employment start date"),
    Field("employment_type", "choice", bi("就业形式", "Kind of employment"), bi("小微企业、灵活就业或其他。", "Small or micro enterprise, flexible, or other."),
          choices=tuple(EMPLOYMENT_TYPES), choice_labels=EMPLOYMENT_TYPES),
    optional_flag("unemployed_before_start", "离校后至就业前未就业", "Unemployed until then"),
    optional_flag("in_internship", "正在参加就业见习", "In an internship"),
    optional_flag("hard_to_employ", "就业困难人员", "Person with employment difficulties"),
)) + in_group("person", (
    optional_flag("zero_employment_household", "零就业家庭成员", "Zero-employment household"),
    optional_flag("registered_poor", "建档立卡贫困人口", "Registered poor"),
    day("public_welfare_post_end_date", "公益性岗位政策期满日", "Public-welfare job entitlement end date"),
    day("flexible_si_subsidy_end_date", "灵活就业社保补贴期满日", "Flexible-employment subsidy end date"),
    optional_flag("stably_employed", "已稳定就业", "Stably employed"),
    optional_flag("veteran", "退役军人", "Veteran"),
    optional_flag("disabled", "残疾人", "Person with a disability"),
    optional_flag("female", "女性", "Woman"),
    optional_flag("migrant_worker", "农民工", "Migrant worker"),
    optional_flag("returning_entrepreneur", "返乡入乡创业人员", "Returning-home entrepreneur"),
    optional_flag("partnership_entrepreneur", "合伙创业", "Starting a business in partnership"),
    day("ui_benefit_expiry_date", "失业保险金期满日", "Unemployment benefit expiry date"),
    day("statutory_retirement_date", "达到法定退休年龄日期", "Statutory retirement date"),
    optional_flag("living_difficulty_laid_off", "生活困难的下岗失业人员", "Laid off and in hardship"),
    optional_flag("dibao_or_extreme_poverty", "低保对象或特困人员", "Dibao recipient or in extreme poverty"),
), more=True)

PROFILE_FIELDS = {"enterprise": ENTERPRISE_FIELDS, "person": PERSON_FIELDS}

FIELDS = (
    Field("profile_type", "choice", bi("您是", "You are"), bi("先选择，再只回答与您相关的问题。", "Choose first; then answer only the questions that concern you."),
          required=True, choices=tuple(PROFILE_FIELDS), choice_labels=PROFILES),
    *ENTERPRISE_FIELDS,
    *PERSON_FIELDS,
)

OUTPUTS = (
    output("asked_on", "date", "所问日期", "Date asked about"),
    output("open_count", "int", "当日可申请或可能适用的措施", "Measures open to you on that day"),
    output("estimated_total", "money", "估算合计（同一笔款项只计一次）", "Estimated total (each payment counted once)"),
    output("matches", "list", "可能适用的政策", "Policies that may apply", choices=STATUS_LABELS, shown=False),
    output("match_count", "int", "条数", "Number of matches", shown=False),
    output("statuses", "dict", "各规则的判断（不含一般信息）", "Status by rule (information items left out)", shown=False),
)


def check(values: dict, params) -> list:
    """Check the enterprise counts against each other."""
    errors = []
    if given(values, "layoffs_last_year", "insured_employees_base") and values["layoffs_last_year"] > values["insured_employees_base"]:
        errors.append(inconsistent("layoffs_last_year", "裁员人数超过参保职工人数", "layoffs exceed the insured headcount"))
    if given(values, "new_eligible_hires_this_year", "current_staff") and values["new_eligible_hires_this_year"] > values["current_staff"]:
        errors.append(inconsistent("new_eligible_hires_this_year", "新招用人数超过现有职工人数", "new hires exceed current staff"))
    return errors


def compute(values: dict, ctx) -> dict:
    """Run the tests of the profile's type, list the matches in rule order, date them on the day asked about, estimate
    the amounts of those open then and total them; count the measures open then."""
    profile = values["profile_type"]
    warn_other_profile(values, ctx)
    found = enterprise_matches(values, ctx) if profile == "enterprise" else person_matches(values, ctx)
    matches = ordered(found)
    day = ctx.params.as_of
    if values["as_of"]:
        pass_date_on(matches, day.isoformat())
    for found_match in matches:
        in_time(found_match, day)
        found_match["estimate"] = estimate(found_match, ctx)
    statuses = {found_match["rule"]: found_match["status"] for found_match in matches if found_match["met"] != INFO}
    open_count = len({found_match["measure"] for found_match in matches if found_match["status"] in OPEN})
    ctx.show("open_count", f"{open_count}条", f"{open_count}")
    outputs = {"asked_on": day.isoformat(), "open_count": open_count}
    amount, up_to = total(matches)
    if amount is not None:
        outputs["estimated_total"] = format_money(amount)
        ctx.show("estimated_total", **amount_text(outputs["estimated_total"], up_to))
    return {**outputs, "matches": matches, "match_count": len(matches), "statuses": statuses}


def pass_date_on(matches: list, as_of: str) -> None:
    """Prefill the date asked about into the inputs of every calculator to run next."""
    for found_match in matches:
        if found_match["calculator"]:
            found_match["inputs"]["as_of"] = as_of


def warn_other_profile(values: dict, ctx) -> None:
    """Warn about fields of the other profile type that were filled in; they are ignored."""
    for profile, fields in PROFILE_FIELDS.items():
        if profile == values["profile_type"]:
            continue
        for field in fields:
            if values.get(field.name) not in (None, field.default):
                ctx.warn(f"“{field.label['zh']}”不属于此对象类型，已忽略",
                         f"“{field.label['en']}” does not belong to this profile and was ignored")


CALCULATOR = Calculator(
    id="policy-finder",
    title=bi("政策找人", "Policy finder"),
    rules=("M24",),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
    check=check,
    decided_by=ASKED,
    period_warnings=False,
)
