"""Every calculator of the package, by id, in catalog order."""
from .measures import (
    m01_new_hire,
    m01_sf_employment,
    m04_medical_rate_cut,
    m04_si_deferral,
    m05_job_retention,
    m06_disability_fund,
    m06_housing_fund,
    m07_graduate_si,
    m07_internship,
    m09_assistance,
    m15_startup_loan,
    m16_incubator,
    m18_layoff_notice,
    m20_ui_extension,
    m24_policy_finder,
)

CALCULATORS = {
    module.CALCULATOR.id: module.CALCULATOR
    for module in (
        m01_sf_employment,
        m01_new_hire,
        m04_si_deferral,
        m04_medical_rate_cut,
        m05_job_retention,
        m06_disability_fund,
        m06_housing_fund,
        m07_internship,
        m07_graduate_si,
        m09_assistance,
        m15_startup_loan,
        m16_incubator,
        m18_layoff_notice,
        m20_ui_extension,
        m24_policy_finder,
    )
}
CALCULATOR_IDS = tuple(CALCULATORS)
