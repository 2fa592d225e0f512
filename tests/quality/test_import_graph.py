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


# The layer of a handbook module: "data", "site" or "commands" (the modules at the package's top).
def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[1] in ("data", "site") else "commands"


LAYERS = ("data", "site", "commands")  # the data flow: each layer may import only the layers before it


def test_imports_follow_the_data_flow():
    graph = import_graph()
    upward = sorted((module, target) for module, targets in graph.items() for target in targets
                    if module.startswith("handbook.") and target.startswith("handbook.")
                    and LAYERS.index(layer(target)) > LAYERS.index(layer(module)))
    assert {layer(module) for module in graph if module.startswith("handbook.")} == set(LAYERS)
    assert upward == []


def test_the_data_side_imports_nothing_of_the_site():
    graph = import_graph()
    data = [module for module in graph if module.startswith("handbook.data")]
    assert len(data) > 15 and "handbook.data.dataset" in data
    assert [(module, target) for module in data for target in graph[module] if target.startswith("handbook.site")] == []


def test_a_circle_is_found():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
