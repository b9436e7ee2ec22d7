"""Build dbt_project/seeds/common_words.csv: the most frequent words of real Persian and Arabic news.

GeoNames gives Arabic-script names to thousands of small towns, and many of them are
ordinary words (خبر is Khobar, كان is Caen). The gazetteer drops an automatic name
that is one of these frequent words. Reproduce with:

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

TOP_N = 3000


def main(corpus: Path, out: Path) -> None:
    counts = {"fa": Counter(), "ar": Counter()}
    for path in sorted(corpus.rglob("*.txt")):
        text = decode_bytes(path.read_bytes()).text
        if not text:
            continue
        lang = detect_language(text)
        if lang in counts:
            counts[lang].update(w for w in fold(text).split() if w.isalpha())
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["language", "word", "frequency_rank"])
        for lang, counter in counts.items():
            for rank, (word, _) in enumerate(counter.most_common(TOP_N), 1):
                writer.writerow([lang, word, rank])


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    main(Path(sys.argv[1] if len(sys.argv) > 1 else root.parent / "shared" / "corpus"),
         root / "dbt_project" / "seeds" / "common_words.csv")
