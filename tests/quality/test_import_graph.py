"""No import circle among the project's modules: every import, lazy ones inside functions included, goes one way."""
import ast
from pathlib import Path

from tests.helpers import PROJECT

PACKAGES = {"handbook": PROJECT / "scripts" / "handbook", "calculators": PROJECT / "calculators"}


# The dotted name of a module file, e.g. handbook.site.pages.
def module_name(package: str, root: Path, path: Path) -> str:
    parts = (package,) + path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


# The project modules one module imports (absolute and relative, at any depth of the file).
def imports_of(name: str, path: Path, known: set) -> set:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1]) if node.level else ""
            stem = ".".join(part for part in (base, node.module or "") if part)
            found |= {stem} | {f"{stem}.{alias.name}" for alias in node.names}
    return {module for module in found if module in known}


# Every module's project imports, by module name.
def import_graph() -> dict:
    files = {module_name(package, root, path): path for package, root in PACKAGES.items() for path in root.rglob("*.py")}
    return {name: imports_of(name, path, set(files)) - {name} for name, path in files.items()}


# The circles of a graph, each as the list of modules around it (found by depth-first search).
def circles(graph: dict) -> list:
    found, state = [], {}

    def visit(module, trail):
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                found.append(trail[trail.index(target):] + [target])
            elif target not in state:
                visit(target, trail + [target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return found


def test_no_import_circle():
    graph = import_graph()
    assert len(graph) > 40 and "handbook.site.pages" in graph["handbook.site.calculator_pages"]
    assert circles(graph) == []


def test_a_circle_is_found():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
