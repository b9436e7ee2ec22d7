"""``make bench``: Khabar against plain hazm on real text, then scale.

    .venv/bin/python -m benchmarks.run [--scale 100000] [--skip-real]

Measures, in one run, on input folders built from ../shared/corpus (no network):
  (a) the floor: plain hazm Normalizer().normalize + sent_tokenize + word_tokenize in a loop;
  (b) Khabar's ingest + tokenize assets; (c) the rest of the build (matching, meetings, dbt),
      from nothing (no warehouse, cache or dbt parse beside it); (b) and (c) again as a rebuild
      (a new warehouse file, with what the first build left beside it), in a new process;
  (d) adding one article to the built warehouse: the corpus's last articles, held out of the
      build and added back one at a time, each by a new process as a Dagster run would be
      (the median of five; all articles, then 1,000 ANT);
  peak memory of the process and its children;
  the cost of entity matching with the lexicon at 1x and 10x its size.
Writes benchmarks/results.json and prints a table for the README. Runs record their events in
Dagster's in-memory instance; ``KHABAR_BENCH_DAGSTER_HOME=<new folder>`` records them as a deployment
does, in SQLite files (``bench_instance``).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

from .corpus import real_corpus, synthetic_corpus

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"


def _commit() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip() or None
    except (OSError, subprocess.CalledProcessError):
        return None


def peak_memory_mb() -> dict[str, float]:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"self_mb": round(self_kb / 1024, 1), "largest_child_mb": round(children_kb / 1024, 1)}


def hazm_floor(folder: Path) -> float:
    from hazm import Normalizer, sent_tokenize, word_tokenize

    normalizer = Normalizer()
    start = time.perf_counter()
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for sentence in sent_tokenize(normalizer.normalize(text)):
            word_tokenize(sentence)
    return time.perf_counter() - start


def ingest_keys():
    from orchestration.assets import articles, ingest

    return [ingest.SOURCE_FILES, ingest.MANIFEST, ingest.MANIFEST_PROBLEMS, ingest.FILE_EVENTS,
            articles.ARTICLES, articles.SENTENCES, articles.TOKENS, articles.UNEXPECTED_SCRIPT_WORDS]


def new_input_keys():
    from orchestration.automation import NEW_INPUT_SELECTION, all_assets_graph

    return list(NEW_INPUT_SELECTION.resolve(all_assets_graph()))


def run_job(folder: Path, warehouse: Path, asset_keys=None) -> float:
    from orchestration.definitions import defs

    os.environ["KHABAR_SEEDS_DIR"] = str(folder)
    os.environ["KHABAR_WAREHOUSE"] = str(warehouse)
    job = defs.resolve_job_def("materialize_all")
    kwargs = {}
    if asset_keys:
        kwargs["asset_selection"] = list(asset_keys)
    # the instance (its storage) is the deployment's, there before any run starts: not timed
    instance = bench_instance()
    start = time.perf_counter()
    result = job.execute_in_process(instance=instance, **kwargs)
    elapsed = time.perf_counter() - start
    if not result.success:
        raise RuntimeError(f"benchmark run failed on {folder}")
    return elapsed


def bench_instance():
    """Where a timed run records its events: Dagster's in-memory instance, or, with
    ``KHABAR_BENCH_DAGSTER_HOME`` set to a folder, a DAGSTER_HOME there with Khabar's dagster.yaml
    (SQLite files, what ``make ui`` and ``make run`` use; the folder keeps the runs of one measure)."""
    from dagster import DagsterInstance

    home = os.environ.get("KHABAR_BENCH_DAGSTER_HOME")
    if not home:
        return DagsterInstance.ephemeral()
    Path(home).mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "orchestration" / "instance" / "dagster.yaml", Path(home) / "dagster.yaml")
    instance = DagsterInstance.from_config(home)
    instance.get_runs(limit=1)  # its files opened (made, the first time) before the clock starts
    return instance


def preload_like_the_forkserver() -> None:
    """This process runs every step in-process: give it what the run's forkserver gives each step
    process (the code location and the instance's storage, imported), so that a step here costs
    what it costs in a Dagster run. Starting a run (its process and forkserver, ~12 s here) is not
    measured. Like the forkserver, a name that does not import is skipped."""
    import importlib

    from orchestration.automation import PRELOAD_MODULES

    for name in PRELOAD_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            pass


ADDED_ARTICLES = 5  # "add one" is timed this many times, one article each; the median is reported


def hold_out_last_articles(folder: Path, n: int) -> list[tuple[Path, str | None]]:
    """Take the folder's last ``n`` articles (and their manifest rows) out; ``restore`` brings
    one back. "Add one" then adds articles of the corpus itself, in the corpus's language."""
    articles = sorted(folder.glob("*.txt"))[-n:]
    held = DATA / "held_out"
    shutil.rmtree(held, ignore_errors=True)
    held.mkdir()
    manifest = folder / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True) if manifest.exists() else []
    out = []
    for article in articles:
        shutil.move(article, held / article.name)
        row = next((line for line in lines if line.startswith(article.name + ",")), None)
        out.append((held / article.name, row))
    if manifest.exists():
        names = tuple(a.name + "," for a in articles)
        manifest.write_text("".join(line for line in lines if not line.startswith(names)), encoding="utf-8")
    return out


def restore(folder: Path, article: Path, row: str | None) -> None:
    shutil.move(article, folder / article.name)
    if row is not None:
        with (folder / "manifest.csv").open("a", encoding="utf-8") as fh:
            fh.write(row if row.endswith("\n") else row + "\n")


def fresh_location(warehouse: Path) -> None:
    """No warehouse at this path, and nothing an earlier build left beside it: DuckDB's write-ahead
    log, the cache folder (the compiled lexicon, the meeting rules, hazm's normalizer, pictures)
    and dbt's target folder (its parse of the project). A build into it starts from nothing."""
    from orchestration import settings

    warehouse.unlink(missing_ok=True)
    warehouse.with_name(warehouse.name + ".wal").unlink(missing_ok=True)
    shutil.rmtree(settings.cache_dir(warehouse), ignore_errors=True)
    shutil.rmtree(settings.dbt_target_path(warehouse), ignore_errors=True)


def full_build(folder: Path, warehouse: Path) -> tuple[float, float]:
    """(ingest+tokenize run, the rest) into ``warehouse``: the first run ingests and tokenizes,
    the second finds nothing new there and does the gazetteer, seeds, matching, meetings and dbt."""
    return run_job(folder, warehouse, ingest_keys()), run_job(folder, warehouse)


def measure(folder: Path, label: str) -> dict:
    preload_like_the_forkserver()
    warehouse = DATA / f"{label}.duckdb"
    fresh_location(warehouse)
    held = hold_out_last_articles(folder, ADDED_ARTICLES)
    n_files = len(list(folder.glob("*.txt")))
    size_mb = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
    floor = hazm_floor(folder)
    # the full build from nothing (until session 23 a bench reused what the previous bench had
    # left beside the warehouse, so the figure depended on whether one had run before)
    ingest, rest = full_build(folder, warehouse)
    full = ingest + rest
    # a rebuild: a new warehouse file, with what the build above left beside it (a deleted
    # warehouse rebuilt by `make run`), in a new process as a Dagster run would be
    warehouse.unlink()
    rebuild_ingest, rebuild_rest = full_build_in_subprocess(folder, warehouse)
    rebuild = rebuild_ingest + rebuild_rest
    # each held-out article comes back, as a new file would, and is added by a new process: a
    # Dagster run starts from a forkserver that has imported the code location and nothing else,
    # so no cache of the runs above (rules, lexicon, hazm, GeoNames) may serve it.
    # One timing varies by ±25% on this VM, so the median of several is the figure.
    added = []
    for article, row in held:
        restore(folder, article, row)
        added.append(add_one_in_subprocess(folder, warehouse))
    median = sorted(added)[len(added) // 2]
    return {
        "corpus": label, "files": n_files, "megabytes": round(size_mb, 1),
        "added_articles": [article.name for article, _ in held],
        # hazm's floor builds its normalizer before its clock starts; the rebuild's tokenize step
        # loads Khabar's from the cache (the build from nothing builds it: ingest_tokenize_first_s)
        "hazm_floor_s": round(floor, 1), "ingest_tokenize_s": round(rebuild_ingest, 1),
        "ingest_vs_hazm": round(rebuild_ingest / floor, 2), "ingest_tokenize_first_s": round(ingest, 1),
        "full_build_s": round(full, 1), "full_vs_hazm": round(full / floor, 2),
        "rebuild_s": round(rebuild, 1), "rebuild_vs_hazm": round(rebuild / floor, 2),
        "add_one_article_s": round(median, 1), "add_one_each_s": [round(a, 1) for a in added],
        "add_one_vs_full": round(median / full, 3), "add_one_vs_rebuild": round(median / rebuild, 3),
        "peak_memory": peak_memory_mb(),
    }


def _in_new_process(option: str, *args: str, out: Path):
    """``python -m benchmarks.run <option> <args> <out>`` in a new Python; what it wrote to ``out``."""
    out.unlink(missing_ok=True)
    subprocess.run([sys.executable, "-m", "benchmarks.run", option, *args, str(out)], cwd=ROOT, check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def full_build_in_subprocess(folder: Path, warehouse: Path) -> tuple[float, float]:
    """``full_build`` in a new process that has imported only the code location (see measure)."""
    return tuple(_in_new_process("--full-build", str(folder), str(warehouse),
                                 out=warehouse.with_suffix(".full_build.json"))["seconds"])


def add_one_in_subprocess(folder: Path, warehouse: Path) -> float:
    """The run the sensor asks for after one new file, timed in a new process (see measure)."""
    return _in_new_process("--add-one", str(folder), str(warehouse), out=warehouse.with_suffix(".add_one.json"))["seconds"]


def measure_in_subprocess(folder: Path, label: str) -> dict:
    """``measure`` in a fresh Python, so that peak memory is this corpus's own."""
    return _in_new_process("--measure", str(folder), label, out=DATA / f"{label}.result.json")


def matching_scale(folder: Path, limit: int = 1500) -> dict:
    """Entity matching over real bodies with the lexicon at 1x and 10x its size: one pass each."""
    from orchestration.text.article import clean_article
    from orchestration.text.langid import detect_language
    from orchestration.text.lexicon import build_entries, read_seed_dir
    from orchestration.text.matching import Lexicon, LexiconEntry

    docs = []
    for path in sorted(folder.glob("*.txt"))[:limit]:
        text = path.read_text(encoding="utf-8", errors="replace")
        lang = detect_language(text)
        if lang in ("fa", "ar"):
            docs.append((clean_article(text, lang).body, lang))
    entries = build_entries(read_seed_dir(ROOT / "dbt_project" / "seeds"))
    rng = random.Random(3)
    letters = "ابپتثجچحخدذرزسشصضطظعغفقکگلمنوهی"
    padded = list(entries)
    for e in entries:
        for _ in range(9):  # nine invented aliases per real one: 10x the automaton
            fake = "".join(rng.choice(letters) for _ in range(rng.randint(5, 14)))
            padded.append(LexiconEntry(e.entity_id, e.entity_type, fake, e.language, e.alias_kind, False,
                                       e.country_code, e.population))
    out = {}
    for label, lexicon_entries in (("1x", entries), ("10x", padded)):
        lexicon = Lexicon(lexicon_entries)
        start = time.perf_counter()
        for body, lang in docs:
            lexicon.find(body, lang)
        out[label] = {"aliases": lexicon.size, "documents": len(docs), "seconds": round(time.perf_counter() - start, 2)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=int(os.environ.get("KHABAR_BENCH_SCALE", "0")),
                        help="also build a synthetic corpus of this many articles (e.g. 100000)")
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--measure", nargs=3, metavar=("FOLDER", "LABEL", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--add-one", nargs=3, metavar=("FOLDER", "WAREHOUSE", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--full-build", nargs=3, metavar=("FOLDER", "WAREHOUSE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    # one run for new input, or a rebuild, in its own process (see add_one_in_subprocess, full_build_in_subprocess)
    for given, timed in ((args.add_one, lambda f, w: run_job(f, w, new_input_keys())), (args.full_build, full_build)):
        if given:
            folder, warehouse, out = given
            # a deployment's code location is loaded with its settings in the environment
            os.environ["KHABAR_SEEDS_DIR"], os.environ["KHABAR_WAREHOUSE"] = folder, warehouse
            preload_like_the_forkserver()
            Path(out).write_text(json.dumps({"seconds": timed(Path(folder), Path(warehouse))}), encoding="utf-8")
            return
    if args.measure:  # one corpus, in its own process (see measure_in_subprocess)
        folder, label, out = args.measure
        Path(out).write_text(json.dumps(measure(Path(folder), label)), encoding="utf-8")
        return
    results = {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": sys.version.split()[0]},
        "versions": {p: metadata.version(p) for p in ("dagster", "dbt-core", "dbt-duckdb", "duckdb", "polars",
                                                       "hazm", "pyahocorasick")},
        "runs": [],
    }
    if not args.skip_real:
        real = real_corpus(DATA / "real")
        results["runs"].append(measure_in_subprocess(real, "real"))
        results["matching_lexicon_scale"] = matching_scale(real)
        # issue 5's incremental figure: one article added to 1,000 ANT articles (built without
        # the articles that are then added)
        ant = real_corpus(DATA / "ant_1000", limit=1000 + ADDED_ARTICLES, sources=("ant",))
        results["runs"].append(measure_in_subprocess(ant, "ant_1000"))
    if args.scale:
        synthetic = synthetic_corpus(DATA / f"synthetic_{args.scale}", args.scale)
        results["runs"].append(measure_in_subprocess(synthetic, f"synthetic_{args.scale}"))
    out = ROOT / "benchmarks" / "results.json"
    stamp = {"measured_on": time.strftime("%Y-%m-%d"), "commit": _commit()}
    for run in results["runs"]:
        run.update(stamp)
    # a bench of some corpora keeps the last figures of the others (a --scale run takes ~25 min)
    measured = {r["corpus"] for r in results["runs"]}
    if out.exists():
        earlier = json.loads(out.read_text(encoding="utf-8"))
        results["runs"] += [r for r in earlier.get("runs", []) if r["corpus"] not in measured]
        if "matching_lexicon_scale" not in results and "matching_lexicon_scale" in earlier:
            results["matching_lexicon_scale"] = earlier["matching_lexicon_scale"]
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("| corpus | files | MB | hazm floor s | ingest+tokenize s (x floor) | full build s (x floor) |"
          " rebuild s | add one s (share of full; of rebuild) | peak MB (self / child) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results["runs"]:
        rebuild = f"{r['rebuild_s']}" if "rebuild_s" in r else "-"
        of_rebuild = f"; {r['add_one_vs_rebuild']:.1%}" if "add_one_vs_rebuild" in r else ""
        print(f"| {r['corpus']} | {r['files']} | {r['megabytes']} | {r['hazm_floor_s']} | "
              f"{r['ingest_tokenize_s']} ({r['ingest_vs_hazm']}x) | {r['full_build_s']} ({r['full_vs_hazm']}x) | "
              f"{rebuild} | {r['add_one_article_s']} ({r['add_one_vs_full']:.1%}{of_rebuild}) | "
              f"{r['peak_memory']['self_mb']} / {r['peak_memory']['largest_child_mb']} |")
    if "matching_lexicon_scale" in results:
        m = results["matching_lexicon_scale"]
        print(f"matching {m['1x']['documents']} documents: {m['1x']['aliases']} aliases {m['1x']['seconds']} s, "
              f"{m['10x']['aliases']} aliases {m['10x']['seconds']} s")
    print(f"written {out}")


if __name__ == "__main__":
    main()
