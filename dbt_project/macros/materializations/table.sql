{#
  SQL tables on DuckDB as one `create or replace table ... as`, atomic in DuckDB's transaction,
  where dbt-duckdb's table materialization creates the table under a temporary name, renames the
  old one aside, renames the new one in and drops the old one after the commit (~5 statements and
  as many catalog changes a table). Hooks, grants and docs as in dbt's own. What this one does
  not cover goes to dbt-duckdb's own: Python models, enforced contracts, partitioned or sorted
  tables, tables with indexes, and tables with keys (a foreign key may point at them).
#}
{% materialization table, adapter='duckdb', supported_languages=['sql', 'python'] %}
  {%- set existing_relation = load_cached_relation(this) -%}
  {#- keys on the old table: foreign keys from it, or a key other tables' foreign keys may use -#}
  {%- set existing_keys = existing_constraint_types(existing_relation)
        if adapter.catalog_supports_foreign_keys(this.database) else [] -%}
  {%- set own_materialization_needed = model['language'] != 'sql'
        or config.get('contract').enforced
        or config.get('partitioned_by') or config.get('sorted_by') or config.get('indexes')
        or existing_keys -%}
  {% if own_materialization_needed %}
    {{ return(dbt.materialization_table_duckdb()) }}  {#- dbt-duckdb's own, under dbt's namespace -#}
  {% endif %}

  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set grant_config = config.get('grants') -%}

  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {{ run_hooks(pre_hooks, inside_transaction=True) }}

  {% if existing_relation is not none and not existing_relation.is_table %}
    {% do adapter.drop_relation(existing_relation) %}  {#- a view of that name, built before -#}
  {% endif %}
  {% call statement('main') -%}
    {%- set sql_header = config.get('sql_header', none) -%}
    {{ sql_header if sql_header is not none }}
    create or replace table {{ target_relation }} as (
      {{ sql }}
    );
  {%- endcall %}

  {{ run_hooks(post_hooks, inside_transaction=True) }}
  {% do apply_grants(target_relation, grant_config, should_revoke=should_revoke(existing_relation, full_refresh_mode=True)) %}
  {% do persist_docs(target_relation, model) %}
  {{ adapter.commit() }}
  {{ run_hooks(post_hooks, inside_transaction=False) }}

  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
