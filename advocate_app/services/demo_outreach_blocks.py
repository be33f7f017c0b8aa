"""The pieces the sample outreach items are built of: the fictional charity that sends them
(the "Rare Together Alliance", a community for people living with rare connective tissue
conditions; addresses and links use ``example.org``) and one short function per kind of block.

The English items are in ``demo_outreach.py``, the French ones in ``demo_outreach_fr.py``.
"""

from __future__ import annotations

from typing import Any

from advocate_app.domain.outreach_content import Block

CHARITY = "Rare Together Alliance"
PHONE = "0306 999 0123"
WEBSITE = "https://example.org"
HELPLINE_EMAIL = "helpline@example.org"


def heading(level: int, text: str) -> Block:
    return Block("heading", {"level": level, "text": text})


def para(text: str, picture: str = "", picture_alt: str = "", language: str = "") -> Block:
    data: dict[str, Any] = {"text": text}
    if picture:
        data["picture"] = picture
        data["picture_alt"] = picture_alt
    return Block("paragraph", data, language)


def bullets(*items: str, picture: str = "", picture_alt: str = "") -> Block:
    data: dict[str, Any] = {"ordered": False, "items": list(items)}
    if picture:
        data["picture"] = picture
        data["picture_alt"] = picture_alt
    return Block("list", data)


def steps(*items: str) -> Block:
    return Block("list", {"ordered": True, "items": list(items)})


def table(header: list[str], *rows: list[str]) -> Block:
    return Block("table", {"header": header, "rows": [list(row) for row in rows]})


def pictogram(name: str, alt: str) -> Block:
    return Block("image", {"pictogram": name, "alt": alt, "decorative": False})


def qr(url: str, caption: str) -> Block:
    return Block("qr", {"url": url, "caption": caption})


def contact(*lines: str) -> Block:
    return Block("contact", {"lines": list(lines)})


def event(title: str, when: str, where: str, details: str) -> Block:
    return Block("event", {"title": title, "when": when, "where": where, "details": details})


def formats_notice() -> Block:
    return Block("formats_notice")


def address() -> Block:
    return Block("address")
