"""The steps that run the Python assets, and which assets share one.

A step is a process of its own in a Dagster run: it starts, opens the warehouse (~30-40 ms:
DuckDB builds its catalog of built-in functions for every database it opens) and reports its
events. Assets that always run one after the other share a step and its connection; each keeps
its own incremental state, so a step with nothing new to do for one of them passes over it.
"""
from dagster import AssetExecutionContext, multi_asset

from .. import settings
from ..checks import INGEST_CHECKS, check_specs, run_selected_checks
from ..warehouse import DuckDBWarehouse
from .articles import TOKENIZE_SPECS, tokenize_articles
from .entities import MATCH_SPECS, match_entities
from .ingest import INGEST_SPECS, ingest_files
from .meetings import MEETING_SPECS, extract_new_meetings


@multi_asset(name="ingest_and_tokenize", specs=[*INGEST_SPECS, *TOKENIZE_SPECS],
             check_specs=check_specs(INGEST_CHECKS), can_subset=True, pool=settings.WRITER_POOL)
def ingest_and_tokenize(context: AssetExecutionContext, warehouse: DuckDBWarehouse):
    """Read the input folder, then clean and tokenize what is new; then the checks of both, on the
    same connection, after the assets are reported (a check reads what this run wrote). With only
    checks selected, the step runs them alone on a read-only connection. Ingesting and tokenizing
    are one unit: selecting some of their assets brings all up to date and reports those selected."""
    selected = context.selected_asset_keys
    with warehouse.connect(read_only=not selected) as con:
        if selected:
            results = ingest_files(context, con)
            results += tokenize_articles(context, con, settings.cache_dir(warehouse.resolved_path()))
            yield from (result for result in results if result.asset_key in selected)
        yield from run_selected_checks(context, con, INGEST_CHECKS)


@multi_asset(name="match_entities_and_meetings", specs=[*MATCH_SPECS, *MEETING_SPECS], pool=settings.WRITER_POOL)
def match_entities_and_meetings(context: AssetExecutionContext, warehouse: DuckDBWarehouse):
    """Match entities in the articles that need it, then read the meetings of those whose mentions
    (or date, outlet or rules) changed, from the mentions just stored."""
    cache_dir = settings.cache_dir(warehouse.resolved_path())
    with warehouse.connect() as con:
        results = match_entities(context, con, cache_dir)
        results += extract_new_meetings(context, con, cache_dir)
    yield from results
