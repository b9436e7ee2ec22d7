"""The step that runs the Python assets, and the order they run in.

A step is a process of its own in a Dagster run: it starts, opens the warehouse (~30-40 ms:
DuckDB builds its catalog of built-in functions for every database it opens, and checkpoints it
when it closes) and reports its events. All Python assets write the same DuckDB file one after
the other (one writer, ``settings.WRITER_POOL``), so they share one step and one connection; each
keeps its own incremental state, so a run with nothing new for one of them passes over it.
"""
from dagster import AssetExecutionContext, multi_asset

from .. import settings
from ..checks import INGEST_CHECKS, check_specs, run_selected_checks
from ..warehouse import DuckDBWarehouse
from .articles import TOKENIZE_SPECS, tokenize_articles
from .entities import MATCH_SPECS, match_entities
from .ingest import INGEST_SPECS, ingest_files
from .meetings import MEETING_SPECS, extract_new_meetings

READ_KEYS = frozenset(spec.key for spec in [*INGEST_SPECS, *TOKENIZE_SPECS])
MATCH_KEYS = frozenset(spec.key for spec in [*MATCH_SPECS, *MEETING_SPECS])


@multi_asset(name="process_articles", specs=[*INGEST_SPECS, *TOKENIZE_SPECS, *MATCH_SPECS, *MEETING_SPECS],
             check_specs=check_specs(INGEST_CHECKS), can_subset=True, pool=settings.WRITER_POOL)
def process_articles(context: AssetExecutionContext, warehouse: DuckDBWarehouse):
    """Two units, in order, each run when any of its assets is selected: (1) read the input folder,
    then clean and tokenize what is new, then run the checks of both on the same connection (a check
    reads what this run wrote); (2) match entities in the articles that need it, then read the
    meetings of those whose mentions (or date, outlet or rules) changed. A unit brings all its assets
    up to date and reports those selected. With only checks selected, they run alone on a read-only
    connection."""
    selected = context.selected_asset_keys
    cache_dir = settings.cache_dir(warehouse.resolved_path())
    with warehouse.connect(read_only=not selected) as con:
        if selected & READ_KEYS:
            results = ingest_files(context, con)
            results += tokenize_articles(context, con, cache_dir)
            yield from (result for result in results if result.asset_key in selected)
        yield from run_selected_checks(context, con, INGEST_CHECKS)
        if selected & MATCH_KEYS:
            results = match_entities(context, con, cache_dir)
            results += extract_new_meetings(context, con, cache_dir)
            yield from (result for result in results if result.asset_key in selected)
