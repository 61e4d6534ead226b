"""The shape of the code: small modules, no import circle, the event rules' words in data."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "geonews_nlp"
CYRILLIC = re.compile("[а-яА-ЯёЁ]")


def modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package."""
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The package modules a module imports, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            base = base[: len(base) - node.level + 1] if node.level else []
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {m for m in found if m in known and m != name}


def test_no_module_over_300_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text().splitlines())) > 300}
    assert not long


def test_no_import_circle():
    known = modules()
    graph = {name: imports_of(name, path, set(known)) for name, path in known.items()}
    # a package's __init__ re-exporting its modules is no circle: leave packages out
    packages = {n for n, p in known.items() if p.name == "__init__.py"}
    graph = {n: {m for m in deps if m not in packages} for n, deps in graph.items() if n not in packages}
    state: dict[str, int] = {}
    circle: list[str] = []

    def visit(node: str, trail: list[str]) -> bool:
        state[node] = 1
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                circle.extend([*trail[trail.index(dep):], dep] if dep in trail else [node, dep])
                return True
            if dep not in state and visit(dep, [*trail, dep]):
                return True
        state[node] = 2
        return False

    for start in sorted(graph):
        if start not in state and visit(start, [start]):
            break
    assert not circle, " -> ".join(circle)


def russian_literals(path: Path) -> list[tuple[int, str]]:
    """Russian string literals of a module, docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        (n.lineno, n.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings and CYRILLIC.search(n.value)
    ]


def test_event_rules_keep_their_words_in_data():
    found = {f"{p.name}:{line}": text for p in (PACKAGE / "events").glob("*.py") for line, text in russian_literals(p)}
    assert len(found) <= 10, found


def test_the_checks_can_fail(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""Док."""\nWORDS = {"с", "со"}\n', encoding="utf-8")
    assert [text for _, text in russian_literals(sample)] == ["с", "со"]


def documented_tree(text: str) -> set[str]:
    """The package paths the tree of docs/ARCHITECTURE.md names: "events/status.py", ..."""
    block = text.split("src/geonews_nlp/\n", 1)[1].split("```", 1)[0]
    folders: list[str] = []
    out = set()
    for line in block.splitlines():
        match = re.match(r"( *)(\S+\.py|\S+/)\s", line + " ")
        if match is None:
            continue
        depth = len(match.group(1)) // 2 - 1
        folders = folders[:depth]
        if match.group(2).endswith("/"):
            folders.append(match.group(2).rstrip("/"))
        else:
            out.add("/".join([*folders, match.group(2)]))
    return out


def test_the_documented_tree_is_the_code():
    text = (PACKAGE.parent.parent / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    files = {str(p.relative_to(PACKAGE)): p for p in PACKAGE.rglob("*.py")}
    # a package's __init__ that holds only its docstring needs no line of its own
    bare = {name for name, p in files.items() if p.name == "__init__.py" and len(ast.parse(p.read_text()).body) == 1}
    documented = documented_tree(text)
    assert set(files) - bare <= documented <= set(files)
    assert documented_tree("src/geonews_nlp/\n  a.py  x\n  b/  y\n    c.py  z\n```") == {"a.py", "b/c.py"}
