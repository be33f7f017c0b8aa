"""Rendering outreach material: a two-page leaflet, the cost of tagging, 1,000 letters.

    python benchmarks/documents.py [--runs 15] [--letters 1000]

Prints three figures against the goals: a two-page leaflet as tagged PDF (median <= 0.3 s),
tagged versus untagged rendering of the same leaflet in the same run (<= 1.5x), and 1,000
personalised letters in one PDF (<= 15 s). The leaflet is the sample "Living with a rare
connective tissue condition" in standard print; the letter is the sample welcome letter, each
copy with its own name, greeting and address.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--letters", type=int, default=1000)
    args = parser.parse_args()

    import pikepdf

    from advocate_app.documents.pdf import Recipient, RenderOptions, render, render_many
    from advocate_app.domain.outreach_content import ItemKind
    from advocate_app.services.demo_outreach import sample_items

    items = sample_items()
    leaflet = next(i for i in items if i.kind == ItemKind.LEAFLET and i.language == "en"
                   and not i.easy_read)
    letter = next(i for i in items if i.kind == ItemKind.LETTER and i.language == "en")

    render(leaflet)  # fonts registered, modules loaded: the first rendering of a session
    # The sample leaflet runs to three pages; its blocks up to the second page's end make the
    # two-page leaflet of the goal.
    from dataclasses import replace

    def pages_of(item) -> int:
        return len(pikepdf.open(__import__("io").BytesIO(render(item))).pages)

    while pages_of(leaflet) > 2:
        leaflet = replace(leaflet, blocks=leaflet.blocks[:-1])
    pages = pages_of(leaflet)
    tagged, untagged = [], []
    for _ in range(args.runs):  # alternate, so both see the same machine state
        started = time.perf_counter()
        render(leaflet, RenderOptions(tagged=True))
        tagged.append(time.perf_counter() - started)
        started = time.perf_counter()
        render(leaflet, RenderOptions(tagged=False))
        untagged.append(time.perf_counter() - started)
    t_med, u_med = statistics.median(tagged), statistics.median(untagged)
    print(f"leaflet ({pages} pages), tagged:   median {t_med:.3f} s, "
          f"min {min(tagged):.3f} s, max {max(tagged):.3f} s  (goal <= 0.3 s)")
    print(f"leaflet ({pages} pages), untagged: median {u_med:.3f} s")
    print(f"tagged / untagged: {t_med / u_med:.2f}x  (goal <= 1.5x)")

    recipients = [Recipient({"name": f"Amina Haddad {n}", "first_name": "Amina",
                             "salutation": f"Dear Amina Haddad {n}"},
                            [f"Amina Haddad {n}", f"Flat {n % 40 + 1}, 12 Long Road",
                             "Leeds", "LS1 4AB"]) for n in range(args.letters)]
    started = time.perf_counter()
    data = render_many(letter, recipients)
    seconds = time.perf_counter() - started
    letter_pages = len(pikepdf.open(__import__("io").BytesIO(data)).pages)
    print(f"{args.letters} personalised letters ({letter_pages} pages, "
          f"{len(data) / 1e6:.1f} MB): {seconds:.1f} s  (goal <= 15 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
