"""Tagged PDF output: every kind of item under every print profile, in English and French,
hostile content, mail merge and the limits the profiles promise.

Each file is checked by the project's own structural check (``tests/documents_checks.py``), by
poppler (``pdfinfo -struct-text``, ``pdftotext``, ``pdffonts``) and, when ``../shared`` is
there, by the outside PDF/UA checker as well.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from advocate_app.documents import fonts
from advocate_app.documents.pdf import (
    Cancelled,
    Recipient,
    RenderOptions,
    render,
    render_many,
)
from advocate_app.domain import inline_markup as inline
from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.domain.print_profiles import PROFILES, ProfileKey
from advocate_app.services.demo_outreach import sample_items
from tests import documents_checks as checks

needs_poppler = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdfinfo", "pdftotext", "pdffonts")),
    reason="poppler-utils (pdfinfo, pdftotext, pdffonts) is not installed")

LANGUAGES = ("en", "fr")

#: French titles for the kinds that have no French sample: the file must still say /Lang fr.
_FRENCH_TITLES = {
    ItemKind.LEAFLET: "Dépliant d'information",
    ItemKind.POSTER: "Vous n'êtes pas seul·e",
    ItemKind.LAY_SUMMARY: "Résumé de l'étude en langage clair",
    ItemKind.NEWSLETTER: "Ensemble : lettre d'information du printemps",
    ItemKind.INVITATION: "Invitation à la Journée des membres",
    ItemKind.LETTER: "Lettre de bienvenue",
    ItemKind.LABELS: "Étiquettes d'adresse",
}


def _slug(text: str, words: int = 4) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower())[:words])


def _cases() -> list[tuple[str, OutreachItem]]:
    """Every sample item, plus a French variant of each kind that has no French sample."""
    items = list(sample_items())
    french = {item.kind for item in items if item.language == "fr"}
    for kind in ItemKind:
        if kind in french:
            continue
        english = next(item for item in items if item.kind == kind and item.language == "en")
        items.append(dataclasses.replace(english, title=_FRENCH_TITLES[kind], language="fr"))
    cases, used = [], set()
    for item in items:
        case_id = f"{item.kind.value}-{item.language}-{_slug(item.title)}"
        assert case_id not in used, case_id
        used.add(case_id)
        cases.append((case_id, item))
    return cases


CASES = _cases()
CASE_IDS = [case_id for case_id, _item in CASES]
ITEMS = dict(CASES)
PROFILE_KEYS = list(ProfileKey)

_rendered: dict[tuple[str, ProfileKey], bytes] = {}
_reports: dict[tuple[str, ProfileKey], dict] = {}


def _rendered_file(case_id: str, profile: ProfileKey, folder: Path) -> Path:
    """The case rendered under ``profile`` (once per module run) and written to ``folder``."""
    key = (case_id, profile)
    if key not in _rendered:
        _rendered[key] = render(ITEMS[case_id], RenderOptions(profile=profile))
    path = folder / f"{case_id}-{profile.value}.pdf"
    path.write_bytes(_rendered[key])
    return path


def _shared_report(path: Path, *args: str) -> dict:
    """The outside checker's JSON report (only called when :func:`checks.shared_checker`)."""
    checker = checks.shared_checker()
    assert checker is not None
    result = subprocess.run([sys.executable, str(checker), str(path), "--json", *args],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert report["passed"] == (result.returncode == 0)
    return report


def _failures(report: dict) -> str:
    lines = [f"failed: {report['failed_checks']}"]
    for check in report["checks"]:
        if check["status"] in ("fail", "error"):
            lines.append(f"  {check['id']}: {check['summary']}")
            lines += [f"    - {detail}" for detail in check["details"][:8]]
    return "\n".join(lines)


def _squash(text: str) -> str:
    """Text without any whitespace (line breaks fall in different places in the PDF)."""
    return re.sub(r"\s+", "", text)


def _page_text(path: Path) -> str:
    """pdftotext output without the page-number footers (artifacts, but poppler prints them)."""
    return "\n".join(line for line in checks.pdftotext(path).splitlines()
                     if not re.fullmatch(r"\s*Page \d+\s*", line))


def _headings(item: OutreachItem) -> list[str]:
    """The heading text the document must have: its heading blocks, and the title as H1 when
    no heading block is level 1 (letters and labels have no title heading)."""
    texts = [inline.plain(str(b.data.get("text", ""))) for b in item.blocks
             if b.type == "heading"]
    has_h1 = any(b.type == "heading" and b.data.get("level") == 1 for b in item.blocks)
    if not has_h1 and item.kind not in (ItemKind.LETTER, ItemKind.LABELS):
        texts.insert(0, item.title)
    return [t for t in texts if t.strip()]


# -- every kind × every profile × both languages ----------------------------------------------

def test_cases_cover_every_kind_in_english_and_french():
    covered = {(item.kind, item.language) for _case_id, item in CASES}
    wanted = {(kind, lang) for kind in ItemKind for lang in LANGUAGES}
    assert wanted <= covered, sorted(wanted - covered)
    french_samples = {item.kind for item in sample_items() if item.language == "fr"}
    assert french_samples, "sample_items() should have French items"
    assert set(PROFILE_KEYS) == set(PROFILES)


@needs_poppler
@pytest.mark.parametrize("case_id", CASE_IDS)
@pytest.mark.parametrize("profile", PROFILE_KEYS, ids=[p.value for p in PROFILE_KEYS])
def test_sample_renders_as_tagged_pdf(case_id, profile, tmp_path):
    item = ITEMS[case_id]
    path = _rendered_file(case_id, profile, tmp_path)

    problems = checks.problems(path)
    assert problems == [], "\n".join(problems)
    assert checks.language(path) == item.language

    structure = checks.struct_text(path)
    assert structure.lstrip().startswith("Document"), structure[:200]
    squashed = _squash(structure)
    for heading in _headings(item):
        assert _squash(heading) in squashed, f"heading {heading!r} missing from struct text"

    if checks.shared_checker() is not None:
        report = _shared_report(path)
        _reports[(case_id, profile)] = report
        assert report["passed"], _failures(report)


def _size_cases() -> list:
    out = []
    for profile in PROFILE_KEYS:
        for case_id in CASE_IDS:
            out.append(pytest.param(case_id, profile, id=f"{profile.value}-{case_id}"))
    return out


def test_profile_minimum_sizes():
    assert PROFILES[ProfileKey.LARGE].min_body_pt == 16
    assert PROFILES[ProfileKey.STANDARD].min_body_pt == 12


@pytest.mark.parametrize(("case_id", "profile"), _size_cases())
def test_content_text_is_never_below_the_profile_minimum(case_id, profile, tmp_path):
    """Large print: no content text under 16 pt; standard: none under 12 pt; every other
    profile: none under its own minimum. Page numbers and other artifacts are not content."""
    minimum = PROFILES[profile].min_body_pt
    path = _rendered_file(case_id, profile, tmp_path)
    sizes = checks.content_font_sizes(path)
    assert sizes, "no tagged text found"
    assert min(sizes) >= minimum - 0.01, f"{min(sizes)} pt < {minimum} pt"
    if checks.shared_checker() is not None:
        report = _reports.get((case_id, profile)) or _shared_report(path)
        smallest = report["info"]["font_sizes"]["real_content_only"]["min_pt"]
        assert smallest is not None and smallest >= minimum - 0.05, \
            f"the shared checker saw {smallest} pt < {minimum} pt"


# -- hostile content -----------------------------------------------------------------------------

ARABIC = "مرحبا بكم في مجموعة الدعم الخاصة بنا"
HEBREW = "ברוכים הבאים לקבוצת התמיכה שלנו"
LONG_WORD = ("Pneumonoultramicroscopicsilicovolcanoconiosis" * 5)[:200]
MANY_WORDS = " ".join(f"word{n:04d}" for n in range(5000))
#: (block, the text a reader must see); None for blocks without visible text of their own.
_HOSTILE: list[tuple[Block, str | None]] = [
    (Block("heading", {"level": 1, "text": "Hostile <b>content</b> & more"}),
     "Hostile <b>content</b> & more"),
    (Block("paragraph", {"text": "Tags like <b>bold</b>, <i>x</i> and <br/> stay as typed"}),
     "Tags like <b>bold</b>, <i>x</i> and <br/> stay as typed"),
    (Block("paragraph", {"text": "Fish & chips < 5 &amp; more > 3 &lt; &#169; &nbsp;"}),
     "Fish & chips < 5 &amp; more > 3 &lt; &#169; &nbsp;"),
    (Block("paragraph", {"text": r"\*not emphasis\* \*\*nor strong\*\* "
                                 r"\[not a link\](https://example.org) \_under\_"}),
     "*not emphasis* **nor strong** [not a link](https://example.org) _under_"),
    (Block("paragraph", {"text": "# Not a heading, `not code`, > not a quote, 1) not a list"}),
     "# Not a heading, `not code`, > not a quote, 1) not a list"),
    (Block("paragraph", {"text": "Emoji 😀👍🏽 in a sentence"}), "Emoji 😀👍🏽 in a sentence"),
    (Block("paragraph", {"text": LONG_WORD}), LONG_WORD),
    (Block("paragraph", {"text": MANY_WORDS}), MANY_WORDS),
    (Block("paragraph", {"text": ""}), None),
    (Block("paragraph", {"text": "Ελληνικά: Καλώς ήρθατε στην ομάδα μας"}, "el"),
     "Ελληνικά: Καλώς ήρθατε στην ομάδα μας"),
    (Block("paragraph", {"text": "Русский: Добро пожаловать в нашу группу"}, "ru"),
     "Русский: Добро пожаловать в нашу группу"),
    (Block("paragraph", {"text": ARABIC}, "ar"), None),
    (Block("paragraph", {"text": HEBREW}, "he"), None),
    (Block("table", {"header": ["Day", "Time", "Place"],
                     "rows": [["Monday"], ["Tuesday", "10am", "Hall", "extra cell"], []]}),
     None),
]
_EMPTY_BLOCKS = [Block("list", {"ordered": False, "items": []}), Block("table", {"rows": []})]
RTL_TEXTS = [ARABIC, HEBREW]


def _hostile_item(*, with_empty_blocks: bool = True) -> OutreachItem:
    blocks = [block for block, _text in _HOSTILE]
    if with_empty_blocks:
        blocks[9:9] = _EMPTY_BLOCKS
    return OutreachItem(ItemKind.LEAFLET, "Hostile <b>content</b> & more", "en", tuple(blocks))


def _hostile_text() -> str:
    return "\n".join(str(b.data.get("text", "")) for b, _t in _HOSTILE) + "".join(
        cell for b, _t in _HOSTILE for row in b.data.get("rows", []) for cell in row)


def test_hostile_text_has_a_glyph_for_every_character():
    assert fonts.missing(_hostile_text()) == set()


@needs_poppler
@pytest.mark.parametrize("profile", PROFILE_KEYS, ids=[p.value for p in PROFILE_KEYS])
def test_hostile_content_is_printed_as_typed(profile, tmp_path):
    path = tmp_path / f"hostile-{profile.value}.pdf"
    path.write_bytes(render(_hostile_item(), RenderOptions(profile=profile)))

    text = _squash(_page_text(path))
    for _block, expected in _HOSTILE:
        if expected is not None:
            assert _squash(expected) in text, f"{expected[:60]!r} not printed as typed"
    for cell in ("Monday", "Tuesday", "10am", "Hall", "extracell", "Day", "Time", "Place"):
        assert cell in text

    # Right-to-left lines read back in reading order, with the letters themselves (not their
    # joined Arabic forms): from the page (poppler adds direction marks around them) and from
    # the structure a screen reader follows.
    page = re.sub("[\u202a-\u202e]", "", checks.pdftotext(path))
    structure = checks.struct_text(path)
    for logical in RTL_TEXTS:
        assert _squash(logical) in _squash(page), f"{logical!r} not read back from the page"
        assert logical in structure, f"{logical!r} not read back from the structure"

    assert checks.fonts_not_embedded(path) == []
    rows = checks.pdffonts(path)
    assert rows and all(row["emb"] == "yes" and row["uni"] == "yes" for row in rows), rows


@pytest.mark.parametrize("profile", PROFILE_KEYS, ids=[p.value for p in PROFILE_KEYS])
def test_hostile_content_is_well_tagged(profile, tmp_path):
    path = tmp_path / f"hostile-{profile.value}.pdf"
    path.write_bytes(render(_hostile_item(with_empty_blocks=False),
                            RenderOptions(profile=profile)))
    problems = checks.problems(path)
    assert problems == [], "\n".join(problems)
    languages = checks.element_languages(path)
    assert languages[0] == ("Document", "en")
    for lang in ("el", "ru", "ar", "he"):
        assert ("P", lang) in languages, f"no P element with /Lang {lang}"
    if checks.shared_checker() is not None:
        report = _shared_report(path)
        assert report["passed"], _failures(report)


def test_empty_list_and_table_blocks_leave_no_empty_structure(tmp_path):
    item = OutreachItem(ItemKind.LEAFLET, "Empty blocks", "en", (
        Block("paragraph", {"text": "Before"}), *_EMPTY_BLOCKS,
        Block("paragraph", {"text": "After"})))
    path = tmp_path / "empty.pdf"
    path.write_bytes(render(item))
    problems = checks.problems(path)
    assert problems == [], "\n".join(problems)


# -- mail merge ----------------------------------------------------------------------------------

def _letter(language: str = "en") -> OutreachItem:
    return next(item for item in sample_items()
                if item.kind == ItemKind.LETTER and item.language == language)


ADDRESS = ["Ms Ngozi Okafor", "Flat 2, 14 Example Street", "Leeds", "LS1 4AB"]


@needs_poppler
def test_letter_merge_fills_salutation_and_address(tmp_path):
    recipient = Recipient(fields={"name": "Ngozi Okafor", "first_name": "Ngozi",
                                  "salutation": "Dear Ms Ngozi Okafor"},
                          address_lines=ADDRESS)
    path = tmp_path / "letter.pdf"
    path.write_bytes(render(_letter(), RenderOptions(date_text="1 June 2026"),
                            recipient=recipient))
    text = checks.pdftotext(path)
    assert "{{" not in text and "}}" not in text
    squashed = _squash(text)
    for expected in ["Dear Ms Ngozi Okafor", "1 June 2026", *ADDRESS]:
        assert _squash(expected) in squashed, expected
    assert checks.problems(path) == []


@needs_poppler
def test_merged_names_with_markup_characters_are_printed_as_typed(tmp_path):
    name = "Ngozi *Star* Okafor [x](y)"
    first_name = "Ng*zi [me](https://example.org) _x_"
    item = _letter()
    item = dataclasses.replace(item, blocks=(
        *item.blocks[:-1], Block("paragraph", {"text": "Member: {{name}}"}), item.blocks[-1]))
    recipient = Recipient(fields={"name": name, "first_name": first_name,
                                  "salutation": f"Dear {name}"},
                          address_lines=[name, "1 Example Road"])
    path = tmp_path / "letter.pdf"
    path.write_bytes(render(item, recipient=recipient))
    text = _squash(checks.pdftotext(path))
    assert "{{" not in text
    for expected in (f"Dear {name}", f"Member: {name}", first_name):
        assert _squash(expected) in text, expected
    with checks.pikepdf.open(path) as pdf:
        links = [a for page in pdf.pages for a in page.obj.get("/Annots", [])
                 if a.get("/Subtype") == checks.Name.Link]
    assert links == [], "a merged field must never become a link"


# -- several copies --------------------------------------------------------------------------------

@needs_poppler
def test_render_many_gives_each_recipient_their_own_pages(tmp_path):
    people = [("Ada", "Dear Ms Ada Lovelace"), ("Bola", "Dear Mr Bola Adeyemi"),
              ("Chen", "Dear Dr Chen Wei")]
    recipients = [Recipient(fields={"first_name": first, "name": first, "salutation": hello},
                            address_lines=[hello.removeprefix("Dear "), "1 Example Road"])
                  for first, hello in people]
    calls: list[int] = []
    path = tmp_path / "letters.pdf"
    path.write_bytes(render_many(_letter(), recipients, RenderOptions(),
                                 progress=lambda done: calls.append(done) or True))
    assert calls == [1, 2, 3]

    pages = checks.pdftotext(path).split("\f")
    first_pages = []
    for _first, hello in people:
        found = [i for i, page in enumerate(pages) if _squash(hello) in _squash(page)]
        assert found, f"{hello!r} is on no page"
        first_pages.append(found[0])
    assert first_pages == sorted(set(first_pages)), first_pages
    assert len([p for p in pages if p.strip()]) >= 3

    assert checks.top_level_tags(path) == ["Part", "Part", "Part"]
    assert checks.structure_tags(path).count("Part") == 3
    problems = checks.problems(path)
    assert problems == [], "\n".join(problems)
    if checks.shared_checker() is not None:
        report = _shared_report(path)
        assert report["passed"], _failures(report)


def test_render_many_can_be_cancelled():
    recipients = [Recipient(fields={"first_name": str(n)}) for n in range(3)]
    calls: list[int] = []

    def progress(done: int) -> bool:
        calls.append(done)
        return done < 2

    with pytest.raises(Cancelled):
        render_many(_letter(), recipients, RenderOptions(), progress=progress)
    assert calls == [1, 2]


# -- the check itself ------------------------------------------------------------------------------

def test_own_check_finds_broken_files(tmp_path):
    """The structural check is only worth something if it fails on broken files."""
    import pikepdf

    good = tmp_path / "good.pdf"
    good.write_bytes(render(ITEMS[CASE_IDS[0]]))
    assert checks.problems(good) == []

    def broken(name: str, change) -> list[str]:
        with pikepdf.open(good) as pdf:
            change(pdf)
            out = tmp_path / f"{name}.pdf"
            pdf.save(out)
        return checks.problems(out)

    def untagged_rectangle(pdf):
        page = pdf.pages[0]
        page.contents_add(pdf.make_stream(b"q 0 0 10 10 re f Q"), prepend=False)

    def figure_without_alt(pdf):
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == pikepdf.Name.Figure:
                del obj.Alt
                return

    def skipped_heading(pdf):
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == pikepdf.Name.H2:
                obj.S = pikepdf.Name.H4
                return

    def wrong_parent_tree(pdf):
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        array = nums[1]
        array[0], array[1] = array[1], array[0]

    def drop(key: str, page: bool = False):
        def change(pdf):
            del (pdf.pages[0].obj if page else pdf.Root)[key]
        return change

    def no_pdfua_id(pdf):
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            del meta["pdfuaid:part"]

    expectations = {
        "no-mark-info": (drop("/MarkInfo"), "MarkInfo"),
        "no-lang": (drop("/Lang"), "/Lang"),
        "no-display-title": (drop("/ViewerPreferences"), "DisplayDocTitle"),
        "no-pdfua-id": (no_pdfua_id, "pdfuaid:part"),
        "no-tabs": (drop("/Tabs", page=True), "/Tabs"),
        "untagged": (untagged_rectangle, "outside tagged content"),
        "no-alt": (figure_without_alt, "no /Alt"),
        "skipped-heading": (skipped_heading, "skips"),
        "parent-tree": (wrong_parent_tree, "ParentTree does not map"),
    }
    for name, (change, message) in expectations.items():
        problems = broken(name, change)
        assert any(message in p for p in problems), (name, problems)
