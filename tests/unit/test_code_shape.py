"""Modules small enough to read in one sitting, classes that do one thing.

Read from the source with :mod:`ast`: no module of the app over 500 lines (the sample data that
``advocate demo`` writes, and the database migrations, are data rather than code), and no class
with more than 25 methods. A feature that outgrows these limits is split by feature: a page into
its tabs, a service into the use cases of one area (see docs/ARCHITECTURE.md).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "advocate_app"
MAX_LINES = 500
MAX_METHODS = 25


def _is_data(path: Path) -> bool:
    relative = path.relative_to(ROOT)
    return ("migrations" in relative.parts
            or (relative.parts[0] == "services" and path.name.startswith("demo_")))


def _sources() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if not _is_data(p))


def _line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_the_reader_sees_the_app():
    sources = _sources()
    assert len(sources) > 100
    assert ROOT / "ui" / "main_window.py" in sources
    assert not any("migrations" in p.parts for p in sources)


def test_no_module_is_longer_than_one_sitting():
    long = [f"{p.relative_to(ROOT.parent)}: {n} lines"
            for p in _sources() if (n := _line_count(p)) > MAX_LINES]
    assert not long, (f"Over {MAX_LINES} lines; split by feature:\n" + "\n".join(long))


def test_no_class_has_too_many_methods():
    crowded = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                methods = [b for b in node.body
                           if isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef))]
                if len(methods) > MAX_METHODS:
                    crowded.append(f"{path.relative_to(ROOT.parent)}:{node.lineno} "
                                   f"{node.name}: {len(methods)} methods")
    assert not crowded, (f"Classes with more than {MAX_METHODS} methods; give a part of the "
                         "work a class of its own:\n" + "\n".join(crowded))
