"""The shape of the code, pinned: no import circles, and every layer imports only those below it.

Read from the source with :mod:`ast` (nothing is imported): every ``import`` and ``from … import``
in every module counts, at the top of a file, inside a function, or under ``TYPE_CHECKING``;
relative imports are resolved. ``from advocate_app.cli import meetings`` imports the module
``advocate_app.cli.meetings``; ``from advocate_app.services.minutes import minutes_item``
imports ``advocate_app.services.minutes``.

The layers, from the top (each may import the ones below it, never one above, and never a
neighbour on its own row):

    __main__
    app                                  start-up: wires everything together
    ui | cli                             the window and the command line
    services                             use cases: the only door for ui and cli to what lies below
    storage | documents | interchange    database; PDF and HTML; files in and out
    domain                               the records and their vocabulary
    i18n                                 translation functions
    paths                                where files live
    advocate_app                         the package itself (its version)

A new area goes into one of these packages; a new package needs its row here (the test says so).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

PACKAGE = "advocate_app"
ROOT = Path(__file__).resolve().parents[2] / PACKAGE

#: From the top down; names on one row are neighbours that do not import each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("__main__",),
    ("app",),
    ("ui", "cli"),
    ("services",),
    ("storage", "documents", "interchange"),
    ("domain",),
    ("i18n",),
    ("paths",),
    (PACKAGE,),
)

#: Third-party packages that only one part of the app may import.
CONFINED = {
    "PySide6": "ui",
    "shiboken6": "ui",
    "reportlab": "documents",
    "pikepdf": "documents",
}

#: The window and the command line reach these only through services: every use case they start
#: (reading, rendering, writing a file) is one service method.
THROUGH_SERVICES = ("ui", "cli")
BEHIND_SERVICES = ("storage", "documents", "interchange")

#: Parts that name the records through domain/'s plain vocabulary only: they never load
#: SQLAlchemy, not even through a module they import.
PLAIN = ("documents", "interchange")


@dataclass(frozen=True)
class Import:
    importer: str   # module name
    imported: str   # module name (or a third-party top-level package)
    line: int

    def where(self) -> str:
        return f"{module_file(self.importer)}:{self.line}"


@cache
def modules() -> dict[str, Path]:
    """Every module of the app by dotted name (a package by its ``__init__``)."""
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def module_file(name: str) -> str:
    return str(modules()[name].relative_to(ROOT.parent))


def _is_package(name: str) -> bool:
    return modules()[name].name == "__init__.py"


def _known(name: str) -> str:
    """The module ``name`` refers to: itself, or the nearest enclosing package we have."""
    while name not in modules() and "." in name:
        name = name.rpartition(".")[0]
    return name


@cache
def imports() -> tuple[Import, ...]:
    """Every import statement of every module, anywhere in the file."""
    found: list[Import] = []
    for name, path in modules().items():
        here = name if _is_package(name) else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here.rsplit(".", node.level - 1)[0] if node.level > 1 else here
                    source = f"{base}.{node.module}" if node.module else base
                else:
                    source = node.module or ""
                # ``from package import module`` imports the module; a name inside a module
                # imports that module.
                targets = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules()
                           else source for alias in node.names]
            else:
                continue
            for target in targets:
                if target == PACKAGE or target.startswith(PACKAGE + "."):
                    target = _known(target)
                    if target == name:
                        continue
                else:
                    target = target.split(".")[0]
                found.append(Import(name, target, node.lineno))
    return tuple(sorted(set(found), key=lambda i: (i.importer, i.line, i.imported)))


def internal_imports() -> list[Import]:
    return [i for i in imports() if i.imported in modules()]


def component(module: str) -> str:
    """The part of the app a module belongs to: ``advocate_app.ui.pages.boards`` → ``ui``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else PACKAGE


def rank(part: str) -> int:
    """Height of a part's layer: 0 for the bottom row."""
    for height, row in enumerate(reversed(LAYERS)):
        if part in row:
            return height
    raise KeyError(part)


def is_upward(imp: Import) -> bool:
    """An import of the same part, or of a part on a lower row, is fine; anything else is not."""
    here, there = component(imp.importer), component(imp.imported)
    if here == there:
        return False
    if here in THROUGH_SERVICES and there in BEHIND_SERVICES:
        return True
    return rank(there) >= rank(here)


def describe(imp: Import) -> str:
    return (f"{imp.where()} imports {imp.imported} "
            f"({component(imp.importer)} → {component(imp.imported)})")


# -- the reader itself ----------------------------------------------------------------------------

def test_the_reader_sees_top_level_function_level_and_relative_imports():
    pairs = {(i.importer, i.imported) for i in internal_imports()}
    # Top of the file, a name from a module.
    assert ("advocate_app.services.minutes", "advocate_app.documents.minutes_wording") in pairs
    # Inside a function, a module from a package.
    assert ("advocate_app.cli", "advocate_app.cli.meetings") in pairs
    # Inside a function, deferred so start-up stays light.
    assert ("advocate_app.app", "advocate_app.ui.application") in pairs
    assert ("advocate_app.ui.main_window", "PySide6") in {
        (i.importer, i.imported) for i in imports()}
    assert len(modules()) > 100


# -- the contract ---------------------------------------------------------------------------------

def test_every_part_of_the_app_has_a_layer():
    unplaced = sorted({component(m) for m in modules()} - {p for row in LAYERS for p in row})
    assert not unplaced, (
        f"{', '.join(unplaced)}: not on any row of LAYERS in {__name__}; "
        "give each new package its place among the layers")


def _cycle_through(start: str, graph: dict[str, set[str]], members: set[str]) -> list[str]:
    """A shortest path start → … → start inside one strongly connected group."""
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in sorted(graph[node] & members):
            if nxt == start:
                return paths[node] + [start]
            if nxt not in paths:
                paths[nxt] = paths[node] + [nxt]
                queue.append(nxt)
    raise AssertionError(start)  # pragma: no cover - a group always has a cycle


def import_cycles() -> list[list[str]]:
    """One cycle per group of modules that import each other (Tarjan's strongly connected
    components, iteratively)."""
    graph: dict[str, set[str]] = {m: set() for m in modules()}
    for imp in internal_imports():
        graph[imp.importer].add(imp.imported)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(group)
    return [_cycle_through(min(group), graph, group) for group in groups]


def test_no_module_imports_itself_back_through_others():
    lines = {(i.importer, i.imported): i.line for i in internal_imports()}
    report = []
    for cycle in import_cycles():
        steps = [f"  {module_file(a)}:{lines[a, b]} imports {b}" for a, b in pairwise(cycle)]
        report.append(" → ".join(cycle) + "\n" + "\n".join(steps))
    assert not report, ("Import circles (move the shared piece into a lower or new module):\n"
                        + "\n".join(report))


def test_layers_import_only_downward():
    upward = [describe(i) for i in internal_imports() if is_upward(i)]
    assert not upward, ("Imports against the layers (see LAYERS in this file):\n"
                        + "\n".join(upward))


def _reached_from(start: str) -> dict[str, Import]:
    """Every module or package ``start`` loads, directly or not, with the import that first
    reaches it."""
    by_importer: dict[str, list[Import]] = {}
    for imp in imports():
        by_importer.setdefault(imp.importer, []).append(imp)
    reached: dict[str, Import] = {}
    queue = [start]
    while queue:
        for imp in by_importer.get(queue.pop(0), []):
            if imp.imported not in reached:
                reached[imp.imported] = imp
                queue.append(imp.imported)
    return reached


def test_documents_and_files_use_the_plain_vocabulary_without_the_database():
    strays = []
    for name in modules():
        if component(name) in PLAIN:
            reached = _reached_from(name)
            if "sqlalchemy" in reached:
                chain, step = [], reached["sqlalchemy"]
                while step.importer != name:
                    chain.append(step)
                    step = reached[step.importer]
                chain.append(step)
                strays.append(f"{module_file(name)} loads SQLAlchemy: " + " → ".join(
                    [name] + [i.imported for i in reversed(chain)]))
    assert not strays, "\n".join(strays)


def test_qt_and_the_pdf_libraries_stay_in_their_part():
    strays = [f"{i.where()} imports {i.imported} (only {CONFINED[i.imported]}/ may)"
              for i in imports()
              if i.imported in CONFINED and component(i.importer) != CONFINED[i.imported]]
    assert not strays, "\n".join(strays)
