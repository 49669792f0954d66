"""The project's modules import each other without a cycle, and the layers point one way:
ozg_site (the site) and oscar_overrides (Oscar's UI) on top, cms_pages below them, shop at the
bottom (docs in ../shared/DESIGN.md). Imports inside functions count too: hiding a cycle in a
function keeps it."""

import ast
from pathlib import Path

from tests import PROJECT_ROOT

# Package name -> its folder (site/ is installed as ozg_site, see pyproject.toml).
PACKAGES = {
    "shop": "shop",
    "cms_pages": "cms_pages",
    "ozg_site": "site",
    "oscar_overrides": "oscar_overrides",
}
# What each package may import of the others.
ALLOWED = {
    "shop": set(),
    "cms_pages": {"shop"},
    "oscar_overrides": {"shop", "cms_pages"},
    "ozg_site": {"shop", "cms_pages", "oscar_overrides"},
}


def project_modules() -> dict[str, Path]:
    modules = {}
    for package, folder in PACKAGES.items():
        for path in (PROJECT_ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = [package, *path.relative_to(PROJECT_ROOT / folder).with_suffix("").parts]
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def imported_modules(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The project modules `name` imports, anywhere in its code."""

    def project_module(dotted: str) -> str | None:
        while dotted and dotted not in modules:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {project_module(alias.name) for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            for alias in node.names:
                submodule = f"{module}.{alias.name}"
                found.add(submodule if submodule in modules else project_module(module))
    return found - {None, name}


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    return {name: imported_modules(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in graph[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = []
            while (member := stack.pop()) != module:
                component.append(member)
            if component:
                found.append(sorted([module, *component]))

    for module in graph:
        if module not in index:
            visit(module)
    return found


def test_no_module_imports_itself_through_others():
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}

    assert cycles(graph) == [["a", "b", "c"]]


def test_the_layers_point_one_way():
    wrong = sorted(
        f"{module} -> {imported}"
        for module, imports in import_graph().items()
        for imported in imports
        if (own := module.split(".")[0]) != (other := imported.split(".")[0])
        and other not in ALLOWED[own]
    )

    assert wrong == []
