"""The package's architecture: its parts and the one-way direction of its imports.

Parts, in import order: the base (errors, paths, labels), inputs, model, chapter, build,
preview, and the command line on top. A module imports only from its own part or the parts
before it, with no cycle inside a part; every import counts, including those inside
functions. The base imports nothing of the package; imports of the package are absolute.
"""

import ast
import functools

from sergek_report import paths

PACKAGE = "sergek_report"
LAYERS = ["base", "inputs", "model", "chapter", "build", "preview", "top"]
TOP_LEVEL = {
    "errors": "base",
    "paths": "base",
    "labels": "base",
    "cli": "top",
    "__main__": "top",
    "__init__": "top",
}
PARTS = set(LAYERS) - {"base", "top"}
# Known edges against the direction, each with its reason. Remove an entry with its edge.
# (importer, imported) -> why the edge against the layer order is allowed; empty by design.
EXCEPTIONS: dict[tuple[str, str], str] = {}


def module_name(path) -> str:
    rel = path.relative_to(paths.PACKAGE_DIR).with_suffix("")
    parts = [p for p in rel.parts if p != "__init__"]
    return ".".join([PACKAGE, *parts])


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "top"  # the package itself: its __init__ re-exports for the notebooks
    return parts[1] if parts[1] in PARTS else TOP_LEVEL.get(parts[1], "unknown")


@functools.cache  # parsed once for all the tests (none changes the trees)
def modules() -> dict[str, ast.AST]:
    found = {}
    for path in sorted(paths.PACKAGE_DIR.rglob("*.py")):
        found[module_name(path)] = (path, ast.parse(path.read_text(encoding="utf-8")))
    return found


def imported(module: str, is_package: bool, tree: ast.AST) -> set[str]:
    """Every module of the package this one imports, anywhere in its code."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == PACKAGE}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != PACKAGE:
                continue
            for a in node.names:  # `from pkg.part import module` imports pkg.part.module
                candidate = f"{target}.{a.name}"
                out.add(candidate if candidate in ALL else target)
    return out


ALL = {}


@functools.cache
def graph() -> dict[str, set[str]]:
    found = modules()
    ALL.update(found)
    return {
        name: {t for t in imported(name, path.name == "__init__.py", tree) if t != name}
        for name, (path, tree) in found.items()
    }


def test_every_module_is_in_a_part_or_listed_at_the_top():
    for name in modules():
        parts = name.split(".")
        if len(parts) == 2:
            assert parts[1] in TOP_LEVEL or parts[1] in PARTS, f"{name}: not in a part"
        elif len(parts) > 2:
            assert parts[1] in PARTS, f"{name}: {parts[1]} is not a part of the package"
    for part in PARTS:
        assert (paths.PACKAGE_DIR / part / "__init__.py").is_file(), part


def test_the_base_imports_nothing_of_the_package():
    for name, deps in graph().items():
        if layer(name) == "base":
            assert not deps, f"{name} imports {sorted(deps)}"


def test_imports_go_one_way():
    bad = []
    for name, deps in graph().items():
        for dep in deps:
            if dep == PACKAGE and name.split(".")[1:2] not in (["errors"], ["paths"]):
                continue  # `from sergek_report import __version__`
            if (name, dep) in EXCEPTIONS:
                continue
            if LAYERS.index(layer(dep)) > LAYERS.index(layer(name)):
                bad.append(f"{name} ({layer(name)}) imports {dep} ({layer(dep)})")
    assert not bad, "imports against the direction of the parts:\n" + "\n".join(sorted(bad))


def test_imports_of_the_package_are_absolute():
    relative = [
        f"{name}: line {node.lineno}"
        for name, (path, tree) in modules().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level
    ]
    assert not relative, "write `from sergek_report.part import x`: " + ", ".join(relative)


def test_no_import_cycle_within_a_part():
    edges = graph()

    def visit(name: str, stack: tuple[str, ...]) -> None:
        assert name not in stack, "import cycle: " + " -> ".join((*stack, name))
        for dep in edges.get(name, ()):
            if dep in edges and layer(dep) == layer(name) and dep != PACKAGE:
                visit(dep, (*stack, name))

    for name in edges:
        visit(name, ())
