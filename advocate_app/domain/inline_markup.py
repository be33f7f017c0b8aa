"""The simple markup allowed inside paragraphs, list items and table cells.

``*emphasis*``, ``**strong**`` and ``[link text](https://…)``; a backslash keeps the next
character as it is (``\\*`` is a star). Everything else is plain text, so ``<b>`` or ``&`` in a
leaflet is printed as typed. Part of the outreach item's form (plain vocabulary): the PDF and
HTML writers read runs from here, and the editor shows blocks' words without markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")


@dataclass(frozen=True)
class Run:
    text: str
    emphasis: bool = False
    strong: bool = False
    href: str = ""


def parse(text: str) -> list[Run]:
    """Split marked-up text into runs; unmatched markers are kept as text."""
    runs: list[Run] = []
    buffer: list[str] = []
    emphasis = strong = False
    i, n = 0, len(text)

    def flush(href: str = "", content: str | None = None) -> None:
        value = "".join(buffer) if content is None else content
        buffer.clear()
        if value:
            if runs and not href and not runs[-1].href and (
                    runs[-1].emphasis, runs[-1].strong) == (emphasis, strong):
                runs[-1] = Run(runs[-1].text + value, emphasis, strong)
            else:
                runs.append(Run(value, emphasis, strong, href))

    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n and text[i + 1] in "\\*[]()_":
            buffer.append(text[i + 1])
            i += 2
            continue
        if ch == "[":
            match = _LINK.match(text, i)
            if match and _safe_href(match.group(2)):
                flush()
                flush(href=match.group(2), content=match.group(1))
                i = match.end()
                continue
        if ch == "*":
            if text.startswith("**", i) and (strong or text.find("**", i + 2) > i + 2):
                flush()
                strong = not strong
                i += 2
                continue
            if emphasis or _closes(text, i + 1):
                flush()
                emphasis = not emphasis
                i += 1
                continue
        buffer.append(ch)
        i += 1
    flush()
    return runs


def _closes(text: str, start: int) -> bool:
    end = text.find("*", start)
    return end > start and not text[start].isspace()


def _safe_href(href: str) -> bool:
    return href.lower().startswith(("https://", "http://", "mailto:", "tel:"))


def plain(text: str) -> str:
    """The words a reader sees, without markup."""
    return "".join(run.text for run in parse(text))
