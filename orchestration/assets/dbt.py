"""The dbt project as Dagster assets: seeds (reference data) and models, each dbt test an asset check."""

import json
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


# A mart's post-hook logs its row count, first rows and picture data (macros/mart_report.sql)
REPORT_PREFIX = "khabar mart report "


def _node_id(dbt_event) -> str | None:
    """The dbt unique id of the node a dbt event is about, if any."""
    return dbt_event.raw_event.get("data", {}).get("node_info", {}).get("unique_id")


def mart_report(dbt_event) -> tuple[str, dict] | None:
    """(the mart's dbt unique id, its report) if this dbt event is a mart's report line."""
    info = dbt_event.raw_event.get("info", {})
    message = info.get("msg") or ""
    if info.get("name") != "JinjaLogInfo" or not message.startswith(REPORT_PREFIX):
        return None
    unique_id = _node_id(dbt_event)
    return (unique_id, json.loads(message[len(REPORT_PREFIX):])) if unique_id else None


def report_metadata(report: dict, cache: Path) -> dict:
    """Row count and preview of a mart; its picture (who met whom, or the places on a map)."""
    meta = {"dagster/row_count": report["row_count"], "preview": MetadataValue.md(_preview(report["preview"] or []))}
    picture = report.get("picture")
    if picture is not None and "pairs" in picture:
        png = drawn_once(cache, "who_met_whom", _draw_who_met_whom, picture)
        meta["who_met_whom"] = MetadataValue.md(markdown_image(png, "who met whom"))
    elif picture is not None and "latitudes" in picture:
        png = drawn_once(cache, "places", _draw_places, picture)
        meta["map"] = MetadataValue.md(markdown_image(png, "places"))
    return meta


def _draw_who_met_whom(picture: dict) -> bytes:
    return meetings_network_png([(a, b, int(n)) for a, b, n in picture["pairs"]], picture["pairings"])


def _draw_places(picture: dict) -> bytes:
    labels = picture["labels"] or []
    points = zip(picture["latitudes"], picture["longitudes"], picture["mentions"])
    return places_map_png([(labels[i] if i < len(labels) else None, lat, lon, n)
                           for i, (lat, lon, n) in enumerate(points)])


def _preview(rows: list[dict]) -> str:
    """The first rows as a markdown table (each value cut to 60 characters by the report)."""
    if not rows:
        return "(no rows)"
    columns = list(rows[0])
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        lines.append("| " + " | ".join("" if row[c] is None else str(row[c]).replace("|", "/").replace("\n", " ")
                                       for c in columns) + " |")
    return "\n".join(lines)


class DbtBuildConfig(Config):
    """Run config of the dbt steps (Launchpad: ``ops: {dbt_models: {config: {full_refresh: true}}}``)."""

    full_refresh: bool = Field(default=False, description="Rebuild the incremental marts from scratch.")


def _dbt_build_args(full_refresh: bool, one_thread: bool = False) -> list[str]:
    """``dbt build`` without what costs ~1 s of a dbt step's Python and serves no one here (measured
    on 79 nodes): the JSON artifacts (Dagster reads dbt's event stream and keeps every node's result
    in its event log) and every SQL statement in the file log (``<warehouse>.dbt-target/dbt.log``
    keeps info-level lines; ``DBT_LOG_LEVEL_FILE=debug`` brings the SQL back). ``one_thread``
    overrides the profile's threads for work that is all Python (loading seeds)."""
    return ["build", "--no-write-json", "--log-level-file", os.environ.get("DBT_LOG_LEVEL_FILE", "info"),
            *(["--threads", "1"] if one_thread else []), *(["--full-refresh"] if full_refresh else [])]


def _dbt_build(context: AssetExecutionContext, dbt: DbtCliResource, warehouse: DuckDBWarehouse,
               config: DbtBuildConfig, one_thread: bool = False):
    # dbt runs in a subprocess that inherits the environment: give it the same absolute
    # database path that the Python assets write to.
    os.environ["KHABAR_WAREHOUSE"] = str(warehouse.resolved_path())
    cache = settings.cache_dir(warehouse.resolved_path())
    invocation = dbt.cli(_dbt_build_args(config.full_refresh, one_thread), context=context,
                         target_path=settings.dbt_target_path(warehouse.resolved_path()))
    # Every event goes to Dagster as dbt reports it (Dagster records it while dbt goes on). A mart's
    # report, logged by its post-hook just before dbt reports the mart built, is added to the
    # mart's materialization: this process may not open the database while dbt has it.
    reports: dict[str, dict] = {}
    for dbt_event in invocation.stream_raw_events():
        report = mart_report(dbt_event)
        if report is not None:
            reports[report[0]] = report[1]
            continue
        unique_id = _node_id(dbt_event)
        for event in dbt_event.to_default_asset_events(
                manifest=invocation.manifest, dagster_dbt_translator=invocation.dagster_dbt_translator,
                context=context, target_path=invocation.target_path, project=invocation.project):
            if isinstance(event, Output) and unique_id in reports:
                event = event.with_metadata({**event.metadata, **report_metadata(reports.pop(unique_id), cache)})
            yield event


@dbt_assets(manifest=dbt_project.manifest_path, select="resource_type:seed", name="reference_data",
            dagster_dbt_translator=translator, pool=settings.WRITER_POOL)
def reference_data(context: AssetExecutionContext, dbt: DbtCliResource, warehouse: DuckDBWarehouse,
                   config: DbtBuildConfig):
    """Lexicons and vocabularies kept as CSV seeds in dbt_project/seeds, loaded and tested by dbt."""
    # one thread: loading a seed is dbt's Python (agate), and two threads only took turns with the
    # GIL (the ANT build's seeds: 4.1-4.2 s with one, 4.5-5.3 s with two)
    yield from _dbt_build(context, dbt, warehouse, config, one_thread=True)


@dbt_assets(manifest=dbt_project.manifest_path, exclude="resource_type:seed", name="dbt_models",
            dagster_dbt_translator=translator, pool=settings.WRITER_POOL)
def dbt_models(context: AssetExecutionContext, dbt: DbtCliResource, warehouse: DuckDBWarehouse,
               config: DbtBuildConfig):
    """Staging, intermediate and mart models, with their tests (fct_mentions is incremental)."""
    yield from _dbt_build(context, dbt, warehouse, config)
