"""No policy number may be typed in the package: every figure must come from the parameters."""
import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

import calculators

PACKAGE = Path(calculators.__file__).resolve().parent
GENERIC_NUMBERS = {0, 1, 2, 10, 12, 100}
EXAMPLES_MODULE = PACKAGE / "examples.py"
DATA_MODULES = (EXAMPLES_MODULE, PACKAGE / "input_forms.py")
IDENTIFIER = re.compile(r"(?<![A-Za-z0-9])(?:R\d+(?:\.\d+)?|A\d+b?|M\d+|c\d+)(?![0-9])")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
ISO_DATE_LIKE = re.compile(r"\d{4}-\d{2}")
CHINESE_NUMBER = re.compile(r"[一二两三四五六七八九十百千万]+(?:个月|个百分点|年|日|天|人|元|万元|%)")


def suspicious_text(text: str) -> list:
    """Return the policy-looking numbers in a string or comment."""
    stripped = IDENTIFIER.sub("", text)
    found = [number for number in NUMBER.findall(stripped) if float(number) not in GENERIC_NUMBERS]
    return found + ISO_DATE_LIKE.findall(text) + CHINESE_NUMBER.findall(text)


def numeric_literals(tree: ast.AST) -> list:
    """Return (line, value) of every number literal that is not generic."""
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, (int, float, complex))
        and not isinstance(node.value, bool)
        and node.value not in GENERIC_NUMBERS
    ]


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
    found = numeric_literals(tree) + string_findings(tree) + comment_findings(source)
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
    tree = ast.parse('RATE = 200\nCAP = "500000.00"\nEND = "2020-02-09"\nTEXT = "最长六个月"\n')
    assert [line for line, _ in numeric_literals(tree)] == [1]
    assert [line for line, _ in string_findings(tree)] == [2, 3, 4]
