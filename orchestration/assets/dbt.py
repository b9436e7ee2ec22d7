"""The dbt project as Dagster assets: seeds (reference data) and models, each dbt test an asset check."""

import os
from typing import Any, Mapping

from dagster import AssetExecutionContext, AssetKey, AssetSpec
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, DbtProject, dbt_assets

from .. import settings

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


translator = KhabarTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


def _dbt_build(context: AssetExecutionContext, dbt: DbtCliResource):
    # dbt runs in a subprocess that inherits the environment: give it the same absolute
    # database path that the Python assets write to.
    os.environ["KHABAR_WAREHOUSE"] = str(settings.warehouse_path())
    yield from dbt.cli(["build"], context=context).stream()


@dbt_assets(manifest=dbt_project.manifest_path, select="resource_type:seed", name="reference_data",
            dagster_dbt_translator=translator, pool=settings.WRITER_POOL)
def reference_data(context: AssetExecutionContext, dbt: DbtCliResource):
    """Lexicons and vocabularies kept as CSV seeds in dbt_project/seeds, loaded and tested by dbt."""
    yield from _dbt_build(context, dbt)


@dbt_assets(manifest=dbt_project.manifest_path, exclude="resource_type:seed", name="dbt_models",
            dagster_dbt_translator=translator, pool=settings.WRITER_POOL)
def dbt_models(context: AssetExecutionContext, dbt: DbtCliResource):
    """Staging, intermediate and mart models, with their tests."""
    yield from _dbt_build(context, dbt)
