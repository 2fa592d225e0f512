"""The chosen readings of ambiguous passages (A-numbers of rules.md), in the package's own words."""
from .text import bi

READINGS = {
    "A1": bi(
        "春节期间用工补贴仅限疫情防控重点物资生产企业（正文的引导语限定了适用对象，正文优先于附件2）。",
        "The Spring-Festival subsidy is limited to producers of key epidemic-prevention supplies (the main text's lead-in scopes it; the main text prevails over Annex 2).",
    ),
    "A2": bi(
        "原文未写明春节期间的起始日，默认取当年春节法定假期首日（见参数），可另行指定。",
        "The text gives no first day of the Spring Festival period; the first day of that year's official holiday (see the parameters) is the default, and another day may be given.",
    ),
    "A3": bi(
        "只计算自开工之日起至春节期间截止日（含）的人天数。",
        "Only person-days from the start of production up to and including the last day of the Spring Festival period count.",
    ),
    "A4": bi(
        "上限按每个企业计算，只针对春节期间用工补贴；一次性吸纳就业补贴另计，不设上限。",
        "The cap applies per enterprise to the Spring-Festival subsidy only; the hiring subsidy is separate and uncapped.",
    ),
    "A5": bi(
        "一次性吸纳就业补贴不限于重点物资生产企业；也可选择只限重点物资生产企业的解读。",
        "The hiring subsidy is not limited to key-supplies producers; the narrower reading can be chosen instead.",
    ),
    "A6": bi(
        "自所述日期起算的期间以该日为首日计算截止日，可另行指定（按民法典计算，截止日相应顺延）。",
        "A period running from a stated date counts that date as its first day; another last day may be given (the Civil Code count ends a day later).",
    ),
    "A7": bi(
        "以劳动合同起始（入职）日期为准；合同期限恰好达到最短期限即符合，无固定期限合同符合。",
        "The hire date is the contract start date; a term exactly at the minimum qualifies, and open-ended contracts qualify.",
    ),
    "A8": bi(
        "缓缴期按连续的缴费月数计算，自缓缴起始月起算。",
        "The deferral counts consecutive contribution months from the first deferred month.",
    ),
    "A9": bi(
        "“百分点”为绝对降幅；具体实施以省市最新文件为准。",
        "The cut is in absolute percentage points; the latest provincial and municipal rules prevail.",
    ),
    "A10": bi(
        "上年度实际缴纳失业保险费按经办机构核定的数额输入（建议为单位和个人合计）。",
        "Last year's unemployment-insurance contributions are entered as certified by the agency (recommended: employer and employee shares together).",
    ),
    "A11": bi(
        "裁员率 = 上年度裁员人数 ÷ 年初参保职工人数，以经办机构认定为准。",
        "Layoff rate = layoffs in the reference year ÷ insured headcount at its start, as certified by the agency.",
    ),
    "A12": bi(
        "小型参保企业按人数界限（含）判断，其裁员率标准为参保职工总数的比例，含本数。",
        "Small insured enterprises are those at or below the headcount limit; their standard is a share of insured headcount, inclusive.",
    ),
    "A13": bi(
        "一般裁员率标准含本数，按精确比例比较，不以四舍五入后的百分比判断。",
        "The general layoff-rate standard is inclusive and compared as an exact ratio, never on a rounded percentage.",
    ),
    "A14": bi(
        "困难企业在延长期内申请的，两种标准都计算，取较高者；相等时按一般标准。",
        "For a struggling enterprise applying within the extension, both standards are computed and the larger is used; a tie goes to the normal standard.",
    ),
    "A14b": bi(
        "困难企业同样须符合裁员率标准。",
        "Struggling enterprises must also meet the layoff-rate standard.",
    ),
    "A15": bi(
        "月人均失业保险金为上年末当地数额（输入）；参保职工人数为申请时人数（输入）。",
        "The benefit figure is the local monthly average at the end of the previous year (input); the headcount is insured employees at application (input).",
    ),
    "A16": bi(
        "免征按残保金征收日期判断；人数为该次征收所依据的在职职工人数。",
        "The exemption is judged by the levy's collection date; the headcount is the in-service headcount that levy is based on.",
    ),
    "A17": bi(
        "单位和个人缴存比例各可在最低标准至现行比例之间申请；缓缴期限按申请，原文未设上限。",
        "Each side's rate may be set from the minimum up to the current rate; the deferral length is as applied for, with no maximum stated.",
    ),
    "A18": bi(
        "“离校后若干年内”按就业起始日判断，离校日至期满日均含在内。",
        "\"Within the years after leaving school\" is judged at the employment start date, both ends inclusive.",
    ),
    "A19": bi(
        "见习补贴按每名见习人员每月计算，只计整月。",
        "The internship subsidy is per intern per month, whole months only.",
    ),
    "A20": bi(
        "用人单位缴纳社会保险后，见习补贴继续发放。",
        "The internship subsidy continues after the host starts paying social insurance.",
    ),
    "A21": bi(
        "见习补贴发放给见习单位。",
        "The internship subsidy is paid to the host unit.",
    ),
    "A22": bi(
        "“阶段性”未写明起止，默认以参数所定期间内期满者为准，可另行指定。",
        "\"Temporary\" has no stated window; entitlements expiring within the window set in the parameters are the default, and another window may be given.",
    ),
    "A23": bi(
        "“以下”含本数，按申请日的周岁计算。",
        "\"Or under\" includes the age itself, in completed years on the application date.",
    ),
    "A24": bi(
        "比例 = 当年新招用符合条件人员 ÷ 现有职工（含新招用人员），达到即可；职工人数恰好等于界限时适用较高比例。",
        "Ratio = eligible new hires this year ÷ current staff (including them), and reaching it suffices; staff exactly at the limit use the higher share.",
    ),
    "A25": bi(
        "合伙创业贷款上限按整个合伙项目计算，不按每人计算。",
        "The partnership loan cap is per partnership in total, not per partner.",
    ),
    "A26": bi(
        "按基地计算，最多计入最早的若干个有减免金额的月份；上限按基地总计。",
        "Counted per base: only the earliest months with an amount waived count, up to the maximum; the cap is per base in total.",
    ),
    "A27": bi(
        "提前天数 = 裁员日期 − 说明日期，达到规定天数即合规。",
        "Days of notice = layoff date − explanation date; reaching the required days complies.",
    ),
    "A28": bi(
        "距退休不足期限按失业保险金期满日判断（严格小于）；延发至达到法定退休年龄的当月（含）。",
        "The time to retirement is measured at the benefit expiry date (strictly less); benefits are paid up to and including the month retirement age is reached.",
    ),
    "A29": bi(
        "失业、工伤保险阶段性降费率按延长后的截止日执行。",
        "The reduced unemployment- and work-injury-insurance rates run until the extended end date.",
    ),
    "A30": bi(
        "正文与附件2不一致时，以正文为准。",
        "Where the main text and Annex 2 differ, the main text governs.",
    ),
}


def reading_entry(reading_id: str) -> dict:
    """Return the {id, zh, en} form of a reading for results."""
    return {"id": reading_id, **READINGS[reading_id]}
