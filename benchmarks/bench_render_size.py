"""Rendering time against the length of an item's text: seconds per 100 KB of text.

    python benchmarks/bench_render_size.py [--sizes 100,200,500,1000] [--formats ...]

For each size (in KB of text) and each way of writing it out, prints the seconds taken and
the seconds per 100 KB; the goal is a flat line (time grows in proportion to the text). The
text is words with emphasis, strong words and links, as one long paragraph ("one"), as
paragraphs of about 400 characters ("many"), or as one paragraph with a picture beside it
("picture"). The formats: tagged PDF in standard print, large print and Easy Read, the HTML
page, and the pre-flight check in Easy Read (sentences counted) with the characters no font
has; reading the item's JSON is timed too.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

_WORDS = ("the quick brown fox jumps over a lazy dog and *then* it **rests** near "
          "[home](https://example.org) . Then").split()
FORMATS = ("pdf-standard-one", "pdf-standard-many", "pdf-large-one", "pdf-easy-read-picture",
           "html-one", "preflight-easy-read-one", "json-one")


def text_of(size: int, seed: int = 1) -> str:
    chooser = random.Random(seed)
    out, length = [], 0
    while length < size:
        word = chooser.choice(_WORDS)
        out.append(word)
        length += len(word) + 1
    return " ".join(out)[:size]


def item_of(size: int, shape: str):
    from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem

    if shape == "many":
        blocks = tuple(Block("paragraph", {"text": text_of(400, seed)})
                       for seed in range(max(1, size // 400)))
    elif shape == "picture":
        blocks = (Block("paragraph", {"text": text_of(size), "picture": "people",
                                      "picture_alt": "People"}),)
    else:
        blocks = (Block("paragraph", {"text": text_of(size)}),)
    return OutreachItem(ItemKind.LEAFLET, "A long leaflet", "en",
                        (Block("heading", {"level": 1, "text": "A long leaflet"}), *blocks))


def run(what: str, size: int) -> float:
    from advocate_app.documents.html import item_to_html
    from advocate_app.documents.pdf import RenderOptions, render
    from advocate_app.documents.preflight import check
    from advocate_app.domain.outreach_content import item_from_json
    from advocate_app.domain.print_profiles import PROFILES, ProfileKey
    from advocate_app.services.outreach import unprintable_characters

    kind, _sep, rest = what.partition("-")
    profile_name, shape = rest.rsplit("-", 1) if kind in ("pdf", "preflight") else ("", rest)
    item = item_of(size, shape)
    started = time.perf_counter()
    if kind == "pdf":
        render(item, RenderOptions(ProfileKey(profile_name)))
    elif kind == "html":
        item_to_html(item, PROFILES[ProfileKey.STANDARD])
    elif kind == "preflight":
        check(item, PROFILES[ProfileKey(profile_name)])
        unprintable_characters(item)
    else:
        item_from_json(item.to_json())
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,200,500,1000",
                        help="sizes in KB of text (default: 100,200,500,1000)")
    parser.add_argument("--formats", default=",".join(FORMATS),
                        help=f"any of {', '.join(FORMATS)}")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    run("pdf-standard-one", 2_000)  # fonts registered, modules loaded
    print(f"{'what':<26}" + "".join(f"{s:>8} KB" for s in sizes) + "   (seconds per 100 KB)")
    for what in args.formats.split(","):
        figures = []
        for size in sizes:
            seconds = run(what, size * 1000)
            figures.append(seconds / (size / 100))
        print(f"{what:<26}" + "".join(f"{f:>11.2f}" for f in figures), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
