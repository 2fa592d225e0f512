"""Worked example inputs, one per calculator, for documentation and forms.

These are figures a user might type in, not policy figures: the policy figures all come from
the parameters. This module holds data only (a test checks it is a single literal).
"""

EXAMPLES = {
    "sf-employment-subsidy": {
        "is_key_epidemic_supplies_producer": True,
        "production_start_date": "2020-01-28",
        "daily_headcount": [
            {"date": "2020-01-28", "headcount": 40},
            {"date": "2020-02-03", "headcount": 65},
            {"date": "2020-02-12", "headcount": 80},
        ],
        "as_of": "2020-02-09",
    },
    "new-hire-subsidy": {
        "resumed_work": True,
        "hires": [
            {"hire_date": "2020-02-17", "contract_months": 24, "social_insurance_paid": True},
            {"hire_date": "2020-02-24", "open_ended": True, "social_insurance_paid": True},
            {"hire_date": "2020-03-16", "contract_months": 36, "social_insurance_paid": True},
        ],
        "as_of": "2020-03-01",
    },
    "si-deferral": {
        "is_sme": True,
        "temporary_difficulty_due_to_epidemic": True,
        "approved": True,
        "deferral_start_month": "2020-03",
        "deferral_months": 4,
        "monthly_contribution": "18650.40",
        "as_of": "2020-03-15",
    },
    "medical-rate-cut": {
        "monthly_contribution_base": "326400.00",
        "employer_rate_pct": "7",
        "period_start_month": "2020-01",
        "period_end_month": "2020-06",
        "as_of": "2020-04-01",
    },
    "job-retention-refund": {
        "ui_insured": True,
        "insured_employees_base": 200,
        "layoffs": 11,
        "last_year_ui_contributions_paid": "80000.00",
        "as_of": "2020-06-30",
    },
    "disability-fund-exemption": {
        "in_service_headcount": 26,
        "levy_date": "2020-09-15",
        "as_of": "2020-09-15",
    },
    "housing-fund-relief": {
        "is_msme": True,
        "difficulty_due_to_epidemic": True,
        "mode": "reduce",
        "monthly_wage_base": "243000.00",
        "current_employer_rate_pct": "10",
        "current_employee_rate_pct": "10",
        "months": 6,
        "as_of": "2020-03-20",
    },
    "internship-subsidy": {
        "local_monthly_min_wage": "1730.00",
        "months": 6,
        "interns": 2,
        "as_of": "2020-05-01",
    },
    "graduate-si-subsidy-eligibility": {
        "leave_school_date": "2019-07-01",
        "employment_start_date": "2020-04-13",
        "employment_type": "small_micro_enterprise",
        "unemployed_before_start": True,
        "as_of": "2020-04-20",
    },
    "assistance-extension": {
        "policy_type": "public_welfare_post",
        "original_end_date": "2020-06-30",
        "stably_employed_at_expiry": False,
        "as_of": "2020-07-01",
    },
    "startup-loan": {
        "mode": "enterprise",
        "current_staff": 42,
        "new_eligible_hires_this_year": 9,
        "as_of": "2020-05-10",
    },
    "incubator-operating-subsidy": {
        "is_provincial_demo_base": True,
        "monthly_rent_waived": [
            {"month": "2020-02", "amount": "186000.00"},
            {"month": "2020-03", "amount": "174500.00"},
            {"month": "2020-04", "amount": "98000.00"},
            {"month": "2020-05", "amount": "41000.00"},
        ],
        "as_of": "2020-06-01",
    },
    "layoff-notice-check": {
        "explanation_date": "2020-04-01",
        "layoff_date": "2020-04-28",
        "as_of": "2020-04-01",
    },
    "ui-extension-to-retirement": {
        "benefit_expiry_date": "2020-03-15",
        "statutory_retirement_date": "2020-11-08",
        "still_unemployed": True,
        "monthly_benefit": "1494.00",
        "as_of": "2020-03-20",
    },
    "policy-finder": {
        "profile_type": "enterprise",
        "size": "small",
        "resumed_work": True,
        "new_hires_in_window": 3,
        "temporary_difficulty_due_to_epidemic": True,
        "ui_insured": True,
        "insured_employees_base": 48,
        "layoffs_last_year": 2,
        "in_service_headcount": 48,
        "as_of": "2020-03-01",
    },
}
