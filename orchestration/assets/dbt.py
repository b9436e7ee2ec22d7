"""The dbt project as Dagster assets: seeds (reference data) and models, each dbt test an asset check."""

import os
from functools import cached_property
from importlib import metadata
from pathlib import Path
from typing import Any, Mapping

from dagster import AssetExecutionContext, AssetKey, AssetSpec, Config, MetadataValue, Output
from pydantic import Field
from packaging import version
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, DbtProject, dbt_assets

from .. import settings
from ..dbt_process import dbt_forked_from_this_process, dbt_runs_in_this_python
from ..reports import drawn_once, markdown_image, meetings_network_png, places_map_png
from ..warehouse import DuckDBWarehouse

dbt_project = DbtProject(project_dir=settings.DBT_PROJECT_DIR, profiles_dir=settings.DBT_PROJECT_DIR)


class KhabarTranslator(DagsterDbtTranslator):
    """Models are keyed by schema (``marts/dim_documents``) and grouped by folder."""

    def get_asset_spec(self, manifest: Mapping[str, Any], unique_id: str, project: DbtProject | None) -> AssetSpec:
        spec = super().get_asset_spec(manifest, unique_id, project)
        props = self.get_resource_props(manifest, unique_id)
        if props["resource_type"] == "seed":
            return spec.replace_attributes(key=AssetKey(["reference", props["name"]]), group_name="reference_data")
        if props["resource_type"] in ("model", "snapshot"):
            folder = props["fqn"][1] if len(props["fqn"]) > 2 else "models"
            return spec.replace_attributes(key=AssetKey([folder, props["name"]]), group_name=f"dbt_{folder}")
        return spec


class KhabarDbtCliResource(DbtCliResource):
    """The dbt CLI, minus two fixed costs dagster-dbt pays on every dbt step (~9 s together here).

    - The in-process dbt adapter (it parses every dbt macro, ~5 s) only serves
      ``fetch_row_counts``/``fetch_column_metadata``; Khabar reads row counts from DuckDB itself.
    - The dbt version comes from a ``dbt --version`` subprocess (~4 s, dbt's whole import); the dbt
      beside this Python is the installed dbt-core package, whose version the metadata gives.
    And dbt starts as a fork of the step process rather than a new Python (``dbt_process``):
    the step already has dbt imported, a new interpreter spends ~3 s importing it again.
    ``tests/test_automation.py`` checks that these hooks still exist in dagster-dbt.
    """

    def cli(self, args, **kwargs):
        if settings.dbt_in_subprocess() or not dbt_runs_in_this_python(self.dbt_executable):
            return super().cli(args, **kwargs)
        with dbt_forked_from_this_process(self.dbt_executable):
            return super().cli(args, **kwargs)

    def _initialize_dbt_core_adapter(self, args):
        return None

    @cached_property
    def _cli_version(self) -> version.Version:
        if dbt_runs_in_this_python(self.dbt_executable):
            return version.parse(metadata.version("dbt-core"))
        return DbtCliResource._cli_version.func(self)


translator = KhabarTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


MEETINGS_MART = AssetKey(["marts", "fct_meetings"])
LOCATIONS_MART = AssetKey(["marts", "fct_locations"])


def _extra_metadata(con, key: AssetKey, cache: Path) -> dict:
    """Row count and preview of a mart; pictures for meetings and locations."""
    table = ".".join(key.path)
    meta = {"dagster/row_count": con.execute(f"select count(*) from {table}").fetchall()[0][0],
            "preview": MetadataValue.md(_preview(con, table))}
    if key == MEETINGS_MART:
        pairs = con.execute("""
            select ea.name_en, eb.name_en
            from marts.fct_meeting_participants a
            join marts.fct_meeting_participants b on a.meeting_id = b.meeting_id and a.entity_id < b.entity_id
            join marts.dim_entities ea on ea.entity_id = a.entity_id
            join marts.dim_entities eb on eb.entity_id = b.entity_id
            order by all""").fetchall()
        png = drawn_once(cache, "who_met_whom", meetings_network_png, pairs)
        meta["who_met_whom"] = MetadataValue.md(markdown_image(png, "who met whom"))
    if key == LOCATIONS_MART:
        points = con.execute("""
            select name_en, latitude, longitude, sum(mention_count)::int from marts.fct_locations
            where latitude is not null group by all order by all""").fetchall()
        meta["map"] = MetadataValue.md(markdown_image(drawn_once(cache, "places", places_map_png, points), "places"))
    return meta


def _preview(con, table: str, rows: int = 5) -> str:
    result = con.execute(f"select * from {table} limit {rows}")
    columns = [d[0] for d in result.description]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in result.fetchall():
        lines.append("| " + " | ".join(str(v)[:60].replace("|", "/").replace("\n", " ") for v in row) + " |")
    return "\n".join(lines)


class DbtBuildConfig(Config):
    """Run config of the dbt steps (Launchpad: ``ops: {dbt_models: {config: {full_refresh: true}}}``)."""

    full_refresh: bool = Field(default=False, description="Rebuild the incremental marts from scratch.")


def _dbt_build_args(full_refresh: bool) -> list[str]:
    """``dbt build`` without what costs ~1 s of a dbt step's Python and serves no one here (measured
    on 79 nodes): the JSON artifacts (Dagster reads dbt's event stream and keeps every node's result
    in its event log) and every SQL statement in the file log (``<warehouse>.dbt-target/dbt.log``
    keeps info-level lines; ``DBT_LOG_LEVEL_FILE=debug`` brings the SQL back)."""
    return ["build", "--no-write-json", "--log-level-file", os.environ.get("DBT_LOG_LEVEL_FILE", "info"),
            *(["--full-refresh"] if full_refresh else [])]


def _dbt_build(context: AssetExecutionContext, dbt: DbtCliResource, warehouse: DuckDBWarehouse,
               config: DbtBuildConfig):
    # dbt runs in a subprocess that inherits the environment: give it the same absolute
    # database path that the Python assets write to.
    os.environ["KHABAR_WAREHOUSE"] = str(warehouse.resolved_path())
    # Events go to Dagster as dbt reports them (Dagster records each while dbt goes on), except a
    # mart's materialization and its tests' results: only once dbt has exited may this process
    # open the database (one writer per file) to add the mart's row count, preview and pictures.
    held: list = []
    held_marts: set[AssetKey] = set()
    try:
        for event in dbt.cli(_dbt_build_args(config.full_refresh), context=context,
                             target_path=settings.dbt_target_path(warehouse.resolved_path())).stream():
            if isinstance(event, Output):
                key = context.asset_key_for_output(event.output_name)
                if key.path[0] == "marts":
                    held_marts.add(key)
            else:
                key = getattr(event, "asset_key", None)
            if key in held_marts:
                held.append((key, event))
            else:
                yield event
    except Exception:
        yield from (event for _, event in held)  # what dbt did build is recorded, without the additions
        raise
    if held_marts:
        with warehouse.connect(read_only=True) as con:
            extra = {key: _extra_metadata(con, key, settings.cache_dir(warehouse.resolved_path()))
                     for key in held_marts}
    for key, event in held:
        yield event.with_metadata({**event.metadata, **extra[key]}) if isinstance(event, Output) else event


@dbt_assets(manifest=dbt_project.manifest_path, select="resource_type:seed", name="reference_data",
            dagster_dbt_translator=translator, pool=settings.WRITER_POOL)
def reference_data(context: AssetExecutionContext, dbt: DbtCliResource, warehouse: DuckDBWarehouse,
                   config: DbtBuildConfig):
    """Lexicons and vocabularies kept as CSV seeds in dbt_project/seeds, loaded and tested by dbt."""
    yield from _dbt_build(context, dbt, warehouse, config)


@dbt_assets(manifest=dbt_project.manifest_path, exclude="resource_type:seed", name="dbt_models",
            dagster_dbt_translator=translator, pool=settings.WRITER_POOL)
def dbt_models(context: AssetExecutionContext, dbt: DbtCliResource, warehouse: DuckDBWarehouse,
               config: DbtBuildConfig):
    """Staging, intermediate and mart models, with their tests (fct_mentions is incremental)."""
    yield from _dbt_build(context, dbt, warehouse, config)
