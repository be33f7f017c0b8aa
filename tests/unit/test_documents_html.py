"""The accessible HTML companion and the built-in pictograms."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from advocate_app.documents import pictograms
from advocate_app.documents.html import item_to_html
from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.domain.print_profiles import PROFILES, ProfileKey

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = None

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str) -> list[Node]:
        return [node for node in self.iter() if node.tag == tag]

    def find(self, tag: str) -> Node:
        found = self.find_all(tag)
        assert found, f"no <{tag}>"
        return found[0]

    def by_class(self, name: str) -> list[Node]:
        return [node for node in self.iter()
                if name in (node.attrs.get("class") or "").split()]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.current = self.root
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), parent=self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, dict(attrs), parent=self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None and node.parent is not None, f"stray </{tag}>"
        self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> tuple[Node, str]:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.current is builder.root, "an element was left open"
    return builder.root, builder.doctype


HOSTILE = "Tags <b>bold</b> & <script>x</script> 1 < 2 😀 مرحبا שלום " + "w" * 200
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 24).decode()


def _item(*blocks, language="en", title="Living with Marfan syndrome", kind=ItemKind.LEAFLET):
    return OutreachItem(kind, title, language, tuple(blocks))


def _page(*blocks, profile=ProfileKey.STANDARD, **kwargs):
    language = kwargs.pop("language", "en")
    html = item_to_html(_item(*blocks, language=language), PROFILES[profile], **kwargs)
    root, doctype = parse(html)
    return root, doctype, html


def test_a_complete_page_with_language_title_and_main():
    root, doctype, html = _page(Block("heading", {"level": 1, "text": "Welcome"}),
                                language="fr")
    assert doctype.lower() == "doctype html"
    page = root.find("html")
    assert page.attrs["lang"] == "fr"
    assert root.find("title").text() == "Living with Marfan syndrome"
    assert root.find("meta").attrs.get("charset") == "utf-8"
    assert len(root.find_all("main")) == 1
    assert "Welcome" in root.find("main").text()


def test_headings_keep_their_levels_and_order():
    root, _, _ = _page(Block("heading", {"level": 1, "text": "One"}),
                       Block("paragraph", {"text": "Text"}),
                       Block("heading", {"level": 2, "text": "Two"}),
                       Block("heading", {"level": 3, "text": "Three"}),
                       Block("heading", {"level": 2, "text": "Four"}))
    headings = [(n.tag, n.text()) for n in root.iter() if n.tag in {f"h{i}" for i in range(1, 7)}]
    assert headings == [("h1", "One"), ("h2", "Two"), ("h3", "Three"), ("h2", "Four")]


def test_added_headings_never_skip_a_level():
    root, _, _ = _page(Block("heading", {"level": 1, "text": "One"}),
                       Block("contact", {"lines": ["0123 456"]}),
                       Block("event", {"title": "Coffee morning", "when": "Monday"}))
    levels = [int(n.tag[1]) for n in root.iter() if n.tag in {f"h{i}" for i in range(1, 7)}]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


@pytest.mark.parametrize("block_type", ["paragraph", "heading", "list", "table"])
def test_hostile_text_is_shown_verbatim_and_escaped(block_type):
    data = {"paragraph": {"text": HOSTILE}, "heading": {"level": 1, "text": HOSTILE},
            "list": {"items": [HOSTILE]},
            "table": {"header": [HOSTILE], "rows": [[HOSTILE]]}}[block_type]
    root, _, html = _page(Block(block_type, data))
    main = root.find("main")
    assert HOSTILE in main.text()
    assert not root.find_all("script")
    assert not main.find_all("b")
    assert "&lt;b&gt;" in html and "&amp;" in html and "1 &lt; 2" in html
    assert "w" * 200 in html


def test_hostile_title_is_escaped():
    html = item_to_html(_item(title="<b>Fish & chips</b>"), PROFILES[ProfileKey.STANDARD])
    root, _ = parse(html)
    assert root.find("title").text() == "<b>Fish & chips</b>"
    assert not root.find_all("b")


def test_markup_becomes_emphasis_strong_and_links():
    root, _, _ = _page(Block("paragraph", {
        "text": "Read *this* and **that** on [our site](https://example.org/?a=1&b=2)."}))
    paragraph = root.find("main").find("p")
    assert paragraph.find("em").text() == "this"
    assert paragraph.find("strong").text() == "that"
    link = paragraph.find("a")
    assert link.attrs["href"] == "https://example.org/?a=1&b=2"
    assert link.text() == "our site"
    assert paragraph.text() == "Read this and that on our site."


def test_unsafe_links_stay_text():
    root, _, _ = _page(Block("paragraph", {"text": "[click](javascript:alert(1))"}))
    assert not root.find_all("a")
    assert "click" in root.find("main").text()


def test_lists_are_ordered_or_not():
    root, _, _ = _page(Block("list", {"ordered": False, "items": ["a", "b"]}),
                       Block("list", {"ordered": True, "items": ["first", "second"]}))
    assert [li.text() for li in root.find("ul").find_all("li")] == ["a", "b"]
    assert [li.text() for li in root.find("ol").find_all("li")] == ["first", "second"]


def test_tables_have_column_headers_with_scope():
    root, _, _ = _page(Block("table", {"header": ["Day", "Time"],
                                       "rows": [["Monday", "10:00"], ["Friday", "14:00"]]}))
    table = root.find("table")
    headers = table.find("thead").find_all("th")
    assert [th.text() for th in headers] == ["Day", "Time"]
    assert all(th.attrs.get("scope") == "col" for th in headers)
    rows = table.find("tbody").find_all("tr")
    assert [[td.text() for td in row.find_all("td")] for row in rows] == [
        ["Monday", "10:00"], ["Friday", "14:00"]]


def test_images_have_alt_text_and_decorative_ones_are_hidden(tmp_path):
    """Pictures come inside the page, from the bytes the outreach service read from the
    database; a path left in a block is never pointed at, and a picture missing says so."""
    from advocate_app.domain.outreach_pictures import Picture

    walk = Picture("ab" * 32, "image/jpeg", 4, 3, b"\xff\xd8\xff walk")
    logo = Picture("cd" * 32, "image/png", 4, 3, base64.b64decode(PNG))
    root, _, _ = _page(
        Block("image", {"resolved": walk, "alt": "Members on the sponsored walk"}),
        Block("image", {"resolved": logo, "alt": "Our logo"}),
        Block("image", {"resolved": walk, "decorative": True}),
        Block("image", {"pictogram": "calendar", "alt": "The date"}),
        Block("image", {"pictogram": "heart", "decorative": True}),
        Block("image", {"path": str(tmp_path / "walk.png"), "alt": "The route"}))
    images = root.find_all("img")
    assert [img.attrs.get("alt") for img in images] == [
        "Members on the sponsored walk", "Our logo", ""]
    assert images[0].attrs["src"] == "data:image/jpeg;base64," + base64.b64encode(
        walk.data).decode()
    assert images[1].attrs["src"] == "data:image/png;base64," + PNG
    assert images[2].attrs.get("role") == "presentation"
    assert root.by_class("missing-picture")[0].text() == "Picture missing: The route"
    svgs = root.find_all("svg")
    assert svgs[0].attrs.get("role") == "img"
    assert svgs[0].find("title").text() == "The date"
    assert svgs[1].attrs.get("aria-hidden") == "true"
    assert not svgs[1].find_all("title")


def test_qr_blocks_become_links_with_their_caption():
    root, _, _ = _page(Block("qr", {"url": "https://example.org/join", "caption": "Join us"}))
    qr = root.by_class("qr")[0]
    assert qr.find("a").attrs["href"] == "https://example.org/join"
    assert "Join us" in qr.text() and "https://example.org/join" in qr.text()


def test_contact_box_and_event_details():
    root, _, _ = _page(
        Block("heading", {"level": 1, "text": "News"}),
        Block("contact", {"lines": ["Phone 0123 456 789", "help@example.org"]}),
        Block("event", {"title": "Coffee morning", "when": "Monday 3 June, 10am",
                        "where": "Village hall", "details": "Step-free access"}))
    aside = root.find("aside")
    heading = root.find_all("h2")[0]
    assert aside.attrs["aria-labelledby"] == heading.attrs["id"]
    assert heading.parent is aside
    assert "help@example.org" in aside.text()
    section = root.find("section")
    title = section.find("h2")
    assert title.attrs["id"] == section.attrs["aria-labelledby"]
    assert title.text() == "Coffee morning"
    terms = [dt.text() for dt in section.find_all("dt")]
    values = [dd.text() for dd in section.find_all("dd")]
    assert terms == ["When", "Where", "Details"]
    assert values == ["Monday 3 June, 10am", "Village hall", "Step-free access"]


def test_formats_notice_is_present():
    root, _, _ = _page(Block("formats_notice"))
    assert ("This is available in large print, Easy Read and other languages — ask us."
            in root.find("main").text())


def test_merge_fields_are_filled_and_unknown_ones_left():
    blocks = (Block("paragraph", {"text": "Dear {{salutation}}, see you on {{date}}. {{pet}}"}),
              Block("address"))
    root, _, _ = _page(*blocks, fields={"salutation": "Ms <Smith>", "date": "3 June"},
                       address_lines=["1 High Street", "Leeds & Bradford"])
    main = root.find("main")
    assert "Dear Ms <Smith>, see you on 3 June. {{pet}}" in main.text()
    assert "1 High Street" in main.text() and "Leeds & Bradford" in main.text()
    assert not main.find_all("smith")


def test_without_fields_merge_fields_and_address_are_placeholders():
    root, _, _ = _page(Block("paragraph", {"text": "Dear {{name}}"}), Block("address"))
    text = root.find("main").text()
    assert "Dear {{name}}" in text
    assert "[Address]" in text


def test_blocks_in_other_languages_carry_lang_and_direction():
    root, _, _ = _page(Block("paragraph", {"text": "مرحبا بكم"}, language="ar"),
                       Block("paragraph", {"text": "ברוכים הבאים"}, language="he"),
                       Block("paragraph", {"text": "Bienvenue"}, language="fr"))
    paragraphs = root.find("main").find_all("p")
    assert [(p.attrs.get("lang"), p.attrs.get("dir")) for p in paragraphs] == [
        ("ar", "rtl"), ("he", "rtl"), ("fr", None)]


def test_a_right_to_left_item_sets_the_page_direction():
    root, _, _ = _page(Block("paragraph", {"text": "مرحبا"}), language="ar")
    assert root.find("html").attrs.get("dir") == "rtl"


def test_easy_read_puts_the_picture_before_the_words():
    root, _, _ = _page(Block("paragraph", {"text": "The meeting is on Monday.",
                                           "picture": "calendar"}),
                       Block("list", {"items": ["Bring a friend"], "picture": "people",
                                      "picture_alt": "Friends"}),
                       profile=ProfileKey.EASY_READ)
    rows = root.by_class("pictured")
    assert len(rows) == 2
    for row in rows:
        kinds = [child.attrs.get("class") for child in row.children if isinstance(child, Node)]
        assert kinds == ["picture", "words"]
    assert rows[0].find("svg").find("title").text() == pictograms.label("calendar")
    assert rows[1].find("svg").find("title").text() == "Friends"
    assert "The meeting is on Monday." in rows[0].by_class("words")[0].text()


def test_style_follows_the_profile():
    _, _, large = _page(Block("paragraph", {"text": "x"}), profile=ProfileKey.LARGE)
    assert "font-size: 1.5rem" in large  # 18 pt
    assert "line-height: 1.4" in large
    assert "max-width: 70ch" in large
    assert 'font-family: "Atkinson Hyperlegible"' in large
    assert "text-align: left" in large
    _, _, dyslexia = _page(Block("paragraph", {"text": "x"}), profile=ProfileKey.DYSLEXIA)
    assert "#fdf6e3" in dyslexia
    assert "Atkinson" not in dyslexia


@pytest.mark.parametrize("name", pictograms.NAMES)
def test_every_pictogram_draws_and_gives_valid_svg(name):
    drawing = pictograms.to_drawing(name, 72)
    assert drawing.width == drawing.height == 72
    assert drawing.contents
    svg = ET.fromstring(pictograms.to_svg(name, title="A <picture> & more"))
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.get("role") == "img"
    assert svg.find("{http://www.w3.org/2000/svg}title").text == "A <picture> & more"
    assert len(svg) > 1
    hidden = ET.fromstring(pictograms.to_svg(name, 48, color="#000000"))
    assert hidden.get("aria-hidden") == "true"
    assert hidden.find("{http://www.w3.org/2000/svg}title") is None
    assert hidden.get("width") == "48"
    assert pictograms.label(name)


def test_the_pictogram_set_covers_easy_read_needs():
    assert {"calendar", "clock", "place", "phone", "email", "letter", "people", "person",
            "question", "information", "doctor", "medicine", "computer", "talk",
            "large_print", "wheelchair", "home", "money", "tick", "heart"} <= set(
                pictograms.NAMES)


def test_unknown_pictograms_raise_key_error():
    for call in (lambda: pictograms.to_svg("unicorn"), lambda: pictograms.to_drawing("unicorn", 10),
                 lambda: pictograms.label("unicorn")):
        with pytest.raises(KeyError, match="unicorn"):
            call()


def test_pictogram_colours_cannot_inject_markup():
    with pytest.raises(ValueError):
        pictograms.to_svg("tick", color='red"/><script>')


def test_the_pictograms_offered_are_exactly_those_drawn():
    """The editor offers the names of the shared vocabulary; each has shapes, and no drawing
    is left out of the choice."""
    from advocate_app.domain.outreach_content import PICTOGRAMS, pictogram_label

    assert pictograms.NAMES == tuple(PICTOGRAMS) == tuple(pictograms._SHAPES)
    assert pictogram_label("calendar") == pictograms.label("calendar") == "A calendar"
    with pytest.raises(KeyError):
        pictogram_label("unicorn")


def test_words_the_page_prints_itself_say_their_language():
    """Hindi has no catalog: "Contact us" and the formats notice are English and say so;
    in French they are French and take the page's language."""
    blocks = (Block("heading", {"level": 1, "text": "स्वागत"}),
              Block("contact", {"lines": ["0113 496 0000"]}), Block("formats_notice", {}))
    hindi = item_to_html(OutreachItem(ItemKind.LEAFLET, "स्वागत", "hi", blocks),
                         PROFILES[ProfileKey.STANDARD])
    assert '<h2 id="contact-1" lang="en">Contact us</h2>' in hindi
    assert '<span lang="en">This is available in large print' in hindi
    french = item_to_html(OutreachItem(ItemKind.LEAFLET, "Bienvenue", "fr", blocks),
                          PROFILES[ProfileKey.STANDARD])
    assert '<h2 id="contact-1">Nous contacter</h2>' in french
    assert 'lang="en"' not in french
