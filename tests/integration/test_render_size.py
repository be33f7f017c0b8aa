"""Rendering time grows in proportion to an item's text: a paragraph running over many pages
is broken into lines once, not again on every page (a 200 KB paragraph took minutes, 1 MB
never finished). Checked by counting the lines broken, never by timing."""

from __future__ import annotations

import io
import random

import pikepdf
import pytest
from reportlab.platypus.paragraph import Paragraph

from advocate_app.documents.pdf import RenderOptions, render
from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.domain.print_profiles import ProfileKey
from tests import documents_checks as checks

_WORDS = ("the quick brown fox jumps over a lazy dog and *then* it **rests** near "
          "[home](https://example.org)").split()


def _text(size: int, seed: int = 1) -> str:
    chooser = random.Random(seed)
    out, length = [], 0
    while length < size:
        word = chooser.choice(_WORDS)
        out.append(word)
        length += len(word) + 1
    return " ".join(out)


def _count_broken_lines(monkeypatch) -> list[int]:
    """The number of lines each real line breaking produced."""
    broken: list[int] = []
    original = Paragraph.breakLines

    def counting(self, width):
        lines = original(self, width)
        broken.append(len(lines.lines))
        return lines

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    return broken


@pytest.mark.parametrize("profile", [ProfileKey.STANDARD, ProfileKey.LARGE])
@pytest.mark.parametrize("shape", ["words", "lines", "picture"])
def test_a_long_paragraph_is_broken_into_lines_once(monkeypatch, profile, shape):
    if shape == "lines":  # a paragraph of short lines (line breaks typed in)
        text = "\n".join(_text(60, seed) for seed in range(600))
    else:
        text = _text(40_000)
    data = {"text": text, **({"picture": "people"} if shape == "picture" else {})}
    item = OutreachItem(ItemKind.LEAFLET, "Long", "en", (
        Block("heading", {"level": 1, "text": "Long"}), Block("paragraph", data)))
    broken = _count_broken_lines(monkeypatch)
    pdf = render(item, RenderOptions(profile))
    with pikepdf.open(io.BytesIO(pdf)) as document:
        pages = len(document.pages)
    assert pages >= 8
    paragraph_lines = max(broken)
    # Before: the rest of the paragraph was broken again on every page (about pages / 2
    # times its lines in all). Now each line is broken once.
    assert sum(broken) <= paragraph_lines + 2 * pages + 10, (sum(broken), paragraph_lines)


def test_a_megabyte_of_text_renders_to_a_valid_tagged_pdf(tmp_path):
    text = _text(1_000_000) + " The last words."
    item = OutreachItem(ItemKind.LEAFLET, "A very long leaflet", "en", (
        Block("heading", {"level": 1, "text": "A very long leaflet"}),
        Block("paragraph", {"text": text})))
    path = tmp_path / "long.pdf"
    path.write_bytes(render(item))
    with pikepdf.open(path) as document:
        pages = len(document.pages)
    assert pages > 150
    last_page = checks.pdftotext(path, "-f", str(pages), "-l", str(pages))
    assert "The last words." in " ".join(last_page.split())
    assert checks.problems(path) == []
    print(f"1 MB of text rendered to {pages} tagged pages, the last words on the last one.")
