"""Build dbt_project/seeds/common_words.csv: the most frequent words of real Persian and Arabic news.

GeoNames gives Arabic-script names to thousands of small towns, and many of them are
ordinary words (خبر is Khobar, كان is Caen). The gazetteer drops an automatic name
that is one of these frequent words, unless the news itself writes the word as a place:
``is_place_name`` marks the frequent words that follow "city of", "province of" (شهر, استان,
مدينة, محافظة, ...) in at least a tenth of their occurrences (سمنان, زنجان, درعا; خبر stays a
word). Reproduce with:

    .venv/bin/python scripts/build_common_words.py ../shared/corpus
"""
from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from orchestration.text.decode import decode_bytes  # noqa: E402
from orchestration.text.langid import detect_language  # noqa: E402
from orchestration.text.normalize import fold  # noqa: E402

TOP_N = 8000  # the first 3000 are words, never towns; the rest make a small town need a cue
# Words that introduce a place name; Arabic "شهر" is "month", so cues are per language.
PLACE_CUES = {
    "fa": ("شهر", "شهرهای", "استان", "شهرستان", "پایتخت", "بندر"),
    "ar": ("مدينة", "بمدينة", "لمدينة", "ومدينة", "مدن", "محافظة", "بمحافظة", "ولاية", "بولاية", "العاصمة",
           "عاصمة", "بلدة"),
}
PLACE_CUE_SHARE = 0.1  # of a word's occurrences
PLACE_CUE_MIN = 3


def main(corpus: Path, out: Path) -> None:
    counts = {"fa": Counter(), "ar": Counter()}
    after_cue = {"fa": Counter(), "ar": Counter()}
    cues = {lang: {fold(w) for w in words} for lang, words in PLACE_CUES.items()}
    for path in sorted(corpus.rglob("*.txt")):
        text = decode_bytes(path.read_bytes()).text
        if not text:
            continue
        lang = detect_language(text)
        if lang in counts:
            words = fold(text).split()
            counts[lang].update(w for w in words if w.isalpha())
            after_cue[lang].update(b for a, b in zip(words, words[1:]) if a in cues[lang] and b.isalpha())
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["language", "word", "frequency_rank", "is_place_name"])
        for lang, counter in counts.items():
            for rank, (word, n) in enumerate(counter.most_common(TOP_N), 1):
                k = after_cue[lang][word]
                writer.writerow([lang, word, rank, str(k >= PLACE_CUE_MIN and k >= PLACE_CUE_SHARE * n).lower()])


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    main(Path(sys.argv[1] if len(sys.argv) > 1 else root.parent / "shared" / "corpus"),
         root / "dbt_project" / "seeds" / "common_words.csv")
