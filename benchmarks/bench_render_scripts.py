"""Rendering time of a leaflet in each script: seconds for about ``--kb`` KB of text.

    python benchmarks/bench_render_scripts.py [--kb 20] [--languages ar,hi,zh,...]

Each leaflet is its title and paragraphs of about 400 characters in that script (an English
name inside each), in standard print. Prints the seconds for the first rendering (which loads
the faces a script needs: the Chinese, Japanese and Korean ones only then) and for a second.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SAMPLES = {
    "en": "We meet every month at the centre. Families are welcome. Ask Advocate for more.",
    "pl": "Spotykamy się co miesiąc. Zapraszamy również rodziny — żółć, źdźbło, łąka.",
    "el": "Συναντιόμαστε κάθε μήνα στο κέντρο Advocate. Είναι ευπρόσδεκτες οι οικογένειες.",
    "ar": "نلتقي كل شهر في المركز. زوروا موقع Advocate للمزيد من المعلومات عن مجموعتنا.",
    "ur": "ہم ہر مہینے ملتے ہیں۔ مزید معلومات کے لیے Advocate سے بات کریں اور ٹیلیفون کریں۔",
    "hi": "हम हर महीने मिलते हैं। अधिक जानकारी के लिए कृपया Advocate के कार्यालय से संपर्क करें।",
    "bn": "আমরা প্রতি মাসে দেখা করি। আরও তথ্যের জন্য Advocate এর সাথে যোগাযোগ করুন।",
    "ta": "நாங்கள் ஒவ்வொரு மாதமும் சந்திக்கிறோம். மேலும் தகவலுக்கு Advocate தொடர்பு கொள்ளவும்.",
    "zh": "我们每个月见面一次。欢迎您和家人一起参加。请联系Advocate了解更多信息。",
    "ja": "私たちは毎月一回集まります。ご家族の方もぜひご参加ください。Advocateまで。",
    "ko": "우리는 매달 만납니다. 가족과 함께 참여해 주세요. 자세한 내용은 Advocate에 문의.",
}


def leaflet(lang: str, kb: int):
    from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem

    sentence = SAMPLES[lang]
    paragraph = " ".join([sentence] * max(1, 400 // len(sentence)))
    count = max(1, kb * 1000 // len(paragraph))
    return OutreachItem(ItemKind.LEAFLET, sentence[:30], lang, tuple(
        Block("paragraph", {"text": paragraph}) for _ in range(count)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=20)
    parser.add_argument("--languages", default=",".join(SAMPLES))
    args = parser.parse_args()
    from advocate_app.documents.pdf import page_count, render

    print(f"{'language':10} {'first s':>9} {'again s':>9} {'pages':>6}")
    for lang in args.languages.split(","):
        item = leaflet(lang, args.kb)
        times = []
        for _ in range(2):
            start = time.perf_counter()
            data = render(item)
            times.append(time.perf_counter() - start)
        pages = page_count(data)
        print(f"{lang:10} {times[0]:9.2f} {times[1]:9.2f} {pages:6}")


if __name__ == "__main__":
    main()
