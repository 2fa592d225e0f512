"""The rules of the document the package cites: clause of each rule and a short title."""
from dataclasses import dataclass
from functools import cache

from .text import bi


@dataclass(frozen=True)
class Rule:
    """Where a rule sits in its measure, and what it is called."""

    clause: str | None
    title: dict


RULES = {
    "R1.1": Rule("c3", bi("春节期间一次性用工补贴", "Spring-Festival one-off employment subsidy")),
    "R1.2": Rule("c3", bi("一次性吸纳就业补贴", "One-off hiring subsidy")),
    "R4.1": Rule("c1", bi("社会保险费缓缴", "Deferral of social-insurance contributions")),
    "R4.2": Rule("c3", bi("失业、工伤保险费率阶段性降低延长", "Extension of the reduced unemployment- and work-injury-insurance rates")),
    "R4.3": Rule("c4", bi("职工医保单位费率阶段性降低", "Temporary cut in the employer medical-insurance rate")),
    "R4.4": Rule("c5", bi("提前预付医药货款", "Advance payment for pharmaceutical goods")),
    "R5.1": Rule("c1", bi("稳岗返还", "Job-retention refund")),
    "R5.2": Rule("c2", bi("困难企业稳岗返还", "Job-retention refund for struggling enterprises")),
    "R5.3": Rule("c3", bi("稳岗返还裁员率标准", "Layoff-rate standard for the job-retention refund")),
    "R6.1": Rule("c1", bi("残保金分档减缴与暂免征收", "Tiered reduction and exemption of the disability levy")),
    "R6.2": Rule("c2", bi("残保金减免或缓缴", "Reduction, exemption or deferral of the disability levy")),
    "R6.3": Rule("c3", bi("住房公积金降比或缓缴", "Lower rate or deferral of housing-fund contributions")),
    "R7.1": Rule("c3", bi("高校毕业生社会保险补贴", "Social-insurance subsidy for recent graduates")),
    "R7.2": Rule("c4", bi("就业见习补贴", "Employment-internship subsidy")),
    "R7.3": Rule("c5", bi("见习期间缴纳社会保险", "Social insurance during the internship")),
    "R8.1": Rule("c2", bi("购买劳务输出服务", "Purchase of organised labour-export services")),
    "R9.0": Rule("c1", bi("即时就业援助", "Immediate employment assistance")),
    "R9.1": Rule("c2", bi("就业援助政策延期", "Extension of employment-assistance entitlements")),
    "R9.2": Rule("c3", bi("就业扶贫车间补助", "Subsidy for poverty-alleviation workshops")),
    "R11.1": Rule("c4", bi("劳动预备制培训", "Labour-preparation training")),
    "R15.1": Rule("c3", bi("小微企业创业担保贷款", "Guaranteed start-up loan for small and micro enterprises")),
    "R15.2": Rule("c4", bi("合伙创业担保贷款", "Guaranteed start-up loan for partnerships")),
    "R16.1": Rule("c3", bi("孵化基地运营补贴", "Operating subsidy for incubation bases")),
    "R18.1": Rule("c3", bi("经济性裁员提前说明", "Advance explanation before economic layoffs")),
    "R20.1": Rule("c1", bi("失业保险金延发至法定退休年龄", "Unemployment benefit extended to retirement age")),
    "R20.2": Rule("c2", bi("一次性临时生活补助", "One-off temporary living allowance")),
    "R20.3": Rule("c4", bi("纳入低保和临时救助", "Minimum living allowance and temporary assistance")),
    "R20.4": Rule("c5", bi("困难群众医疗保障", "Stronger medical coverage for people in poverty")),
    "M2": Rule(None, bi("线上招聘服务", "Online recruitment services")),
    "M3": Rule(None, bi("组织劳动者安全有序返岗", "Safe and orderly return of workers")),
    "M8": Rule(None, bi("稳定农民工就业", "Stable employment for migrant workers")),
    "M10": Rule(None, bi("退役军人、残疾人和妇女就业", "Employment of veterans, persons with disabilities and women")),
    "M12": Rule("c4", bi("企业技能人才自主评价", "Enterprise self-evaluation of skilled workers")),
    "M14": Rule(None, bi("返乡入乡创业", "Returning-home and rural entrepreneurship")),
    "M19": Rule(None, bi("稳定和谐劳动关系", "Stable and harmonious labour relations")),
    "M22": Rule(None, bi("加大政策协同", "Policy coordination")),
    "M23": Rule(None, bi("加强就业服务", "Stronger employment services")),
    "M24": Rule("c2", bi("政策找人", "Policies find people")),
}


@cache
def measure_of(rule_id: str) -> int:
    """Return the measure number a rule id such as "R5.1" or "M12" belongs to."""
    return int(rule_id[1:].split(".")[0])


def clause_of(rule_id: str) -> str | None:
    """Return the clause id of a rule."""
    return RULES[rule_id].clause


def title_of(rule_id: str) -> dict:
    """Return the bilingual short title of a rule."""
    return RULES[rule_id].title
