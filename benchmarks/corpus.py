"""Input folders for benchmarks and robustness runs, built from ../shared/corpus (no network).

- ``real_corpus``: every article of the shared corpus in one folder, manifests merged.
- ``synthetic_corpus``: N articles recombined deterministically from real sentences, for scale.
"""
from __future__ import annotations

import csv
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
_SENTENCE_RE = re.compile(r"[^.!?؟\n]+[.!?؟]?")


def _manifest_rows(folder: Path) -> list[dict]:
    path = folder / "manifest.csv"
    return list(csv.DictReader(path.open(encoding="utf-8"))) if path.exists() else []


def _write_manifest(out: Path, rows: list[dict]) -> None:
    with (out / "manifest.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["file_name", "published_at", "url", "outlet"])
        writer.writeheader()
        writer.writerows({k: r.get(k, "") for k in writer.fieldnames} for r in rows)


def real_corpus(out: Path, limit: int | None = None, sources=("ant", "fars", "france24")) -> Path:
    """Copy (at most ``limit``) shared-corpus articles into ``out``, with one manifest."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rows = []
    for source in sources:
        folder = SHARED_CORPUS / source
        by_name = {r["file_name"]: r for r in _manifest_rows(folder)}
        for path in sorted(folder.glob("*.txt")):
            if limit is not None and len(rows) >= limit:
                break
            shutil.copyfile(path, out / path.name)
            rows.append(by_name.get(path.name, {"file_name": path.name}))
    _write_manifest(out, rows)
    return out


def synthetic_corpus(out: Path, n_articles: int, seed: int = 7, sentences_per_article=(6, 18)) -> Path:
    """``n_articles`` new articles made of real sentences of one language each, deterministically."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    pools: dict[str, list[str]] = {"ar": [], "fa": []}
    dates: list[str] = []
    for source, language in (("ant", "ar"), ("france24", "ar"), ("fars", "fa")):
        folder = SHARED_CORPUS / source
        dates += [r["published_at"] for r in _manifest_rows(folder) if r.get("published_at")]
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            pools[language] += [s.strip() for s in _SENTENCE_RE.findall(text) if len(s.strip()) > 30]
    rng = random.Random(seed)
    rows = []
    for i in range(n_articles):
        language = "fa" if i % 4 == 0 else "ar"
        pool = pools[language]
        k = rng.randint(*sentences_per_article)
        title = rng.choice(pool)[:90]
        body = "\n".join(rng.choice(pool) for _ in range(k))
        name = f"syn-{language}-{i:06d}.txt"
        (out / name).write_text(f"{title}\n{body}\n", encoding="utf-8")
        rows.append({"file_name": name, "published_at": rng.choice(dates), "url": "", "outlet": "synthetic"})
    _write_manifest(out, rows)
    return out
