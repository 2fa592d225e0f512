"""No policy number may be typed in the package: every figure must come from the parameters."""
import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

import calculators

PACKAGE = Path(calculators.__file__).resolve().parent
GENERIC_NUMBERS = {0, 1}
# Named constants of arithmetic, the calendar and plausibility (not of the policy), by module: a module-level NAME = number.
NAMED_CONSTANTS = {"dates.py": {"MONTHS_PER_YEAR", "HEADROOM_YEARS"},
                   "money.py": {"CENT_PLACES", "PERCENT", "PERCENT_PLACES", "MAX_SHOWN_PLACES"},
                   "units.py": {"PERCENT_MAX", "MONTHS_MAX", "YEARS_MAX", "DAYS_MAX"}}
# Functions whose literals are arithmetic, with the reason: half-up rounding as (2·n·10^p + d) // 2d.
ARITHMETIC_FUNCTIONS = {("money.py", "round_ratio")}
# Example strings that show a format, not a figure: a decimal string in validation messages.
FORMAT_EXAMPLES = ('"100.00"', "如 100.00", "such as 100.00")
EXAMPLES_MODULE = PACKAGE / "examples.py"
DATA_MODULES = (EXAMPLES_MODULE, PACKAGE / "input_forms.py")
IDENTIFIER = re.compile(r"(?<![A-Za-z0-9])(?:R\d+(?:\.\d+)?|A\d+b?|M\d+|c\d+)(?![0-9])")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
# The document's own part numbers in text: "Measure 12", "Annex 2", "附件2".
DOCUMENT_PART = re.compile(r"Measure \d+|Annex \d|附件\d")
ISO_DATE_LIKE = re.compile(r"\d{4}-\d{2}")
CHINESE_NUMBER = re.compile(r"[一二两三四五六七八九十百千万]+(?:个月|个百分点|年|日|天|人|元|万元|%)")


def suspicious_text(text: str) -> list:
    """Return the policy-looking numbers in a string or comment."""
    stripped = DOCUMENT_PART.sub("", IDENTIFIER.sub("", text))
    for example in FORMAT_EXAMPLES:
        stripped = stripped.replace(example, "")
    found = [number for number in NUMBER.findall(stripped) if float(number) not in GENERIC_NUMBERS]
    return found + ISO_DATE_LIKE.findall(text) + CHINESE_NUMBER.findall(text)


def numeric_literals(tree: ast.AST, module: str = "") -> list:
    """Return (line, value) of every number literal that is not 0 or 1, a named constant or rounding arithmetic."""
    exempt = {id(node) for node in exempt_nodes(tree, module)}
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, (int, float, complex))
        and not isinstance(node.value, bool)
        and node.value not in GENERIC_NUMBERS
        and id(node) not in exempt
    ]


def exempt_nodes(tree: ast.AST, module: str) -> list:
    """Return the nodes of a module's named constants and of its listed arithmetic functions."""
    roots = [node.value for node in tree.body if isinstance(node, ast.Assign) and len(node.targets) == 1
             and isinstance(node.targets[0], ast.Name) and node.targets[0].id in NAMED_CONSTANTS.get(module, ())]
    roots += [node for node in tree.body if isinstance(node, ast.FunctionDef)
              and (module, node.name) in ARITHMETIC_FUNCTIONS]
    return [inner for root in roots for inner in ast.walk(root)]


def string_findings(tree: ast.AST) -> list:
    """Return (line, findings) of every string constant holding policy-looking numbers."""
    return [
        (node.lineno, suspicious_text(node.value))
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and suspicious_text(node.value)
    ]


def comment_findings(source: str) -> list:
    """Return (line, findings) of every comment holding policy-looking numbers."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return [
        (token.start[0], suspicious_text(token.string))
        for token in tokens
        if token.type == tokenize.COMMENT and suspicious_text(token.string)
    ]


def findings(path: Path) -> list:
    """Return 'file:line: what' for every suspicious number in one source file."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    found = numeric_literals(tree, path.name) + string_findings(tree) + comment_findings(source)
    return [f"{path.relative_to(PACKAGE.parent)}:{line}: {what}" for line, what in sorted(found, key=lambda item: item[0])]


def test_no_policy_numbers_in_package_source():
    """Scan every module (except the example inputs) for numbers, dates and Chinese numerals."""
    assert len(list(PACKAGE.rglob("*.py"))) > len(calculators.CALCULATOR_IDS)
    problems = [
        problem
        for path in sorted(PACKAGE.rglob("*.py"))
        if path not in DATA_MODULES
        for problem in findings(path)
    ]
    assert not problems, "policy numbers typed in the package:\n" + "\n".join(problems)


@pytest.mark.parametrize("module", DATA_MODULES, ids=lambda path: path.name)
def test_examples_module_is_a_single_literal(module):
    """The exempt modules hold user-side examples only (worked examples, typing examples): one literal dict, no logic."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    body = [node for node in tree.body if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))]
    assert len(body) == 1 and isinstance(body[0], ast.Assign)
    assert [target.id for target in body[0].targets] == [{"examples.py": "EXAMPLES", "input_forms.py": "INPUT_FORMS"}[module.name]]
    assert isinstance(ast.literal_eval(body[0].value), dict)


def test_scanner_catches_a_typed_policy_number():
    """The scanner itself flags a rate, a cap, a date and a Chinese numeral."""
    tree = ast.parse('RATE = 200\nCAP = "500000.00"\nEND = "2020-02-09"\nTEXT = "最长六个月"\n'
                     'if hire.contract_months >= 12:\n    CAP_STAFF = 100\nTEXT = "合同期限12个月以上"\nYEARS = 2\n')
    assert sorted(line for line, _ in numeric_literals(tree, "m01_new_hire.py")) == [1, 5, 6, 8]
    assert [line for line, _ in string_findings(tree)] == [2, 3, 4, 7]


def test_named_constants_are_exempt_only_where_listed():
    """PERCENT = 100 is arithmetic in money.py and a typed policy number anywhere else."""
    tree = ast.parse("PERCENT = 100\n")
    assert numeric_literals(tree, "money.py") == [] and numeric_literals(tree, "m05_job_retention.py") == [(1, 100)]
