{#
  Views on DuckDB as one `create or replace view`, atomic in DuckDB's transaction, where dbt's
  default view materialization creates a temporary view, renames the old one aside, renames the
  new one in and drops the old one (~8 statements and as many catalog changes a view). dbt core
  ships the same idea as `create_or_replace_view()`, the view materialization of Snowflake and
  BigQuery; DuckDB's `create view` macro has no "or replace". Hooks, grants, docs and contracts
  as in dbt's own.
#}
{% materialization view, adapter='duckdb' %}
  {%- set existing_relation = load_cached_relation(this) -%}
  {%- set target_relation = this.incorporate(type='view') -%}
  {%- set grant_config = config.get('grants') -%}

  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {{ run_hooks(pre_hooks, inside_transaction=True) }}

  {% if existing_relation is not none and not existing_relation.is_view %}
    {% do adapter.drop_relation(existing_relation) %}  {#- a table of that name, built before -#}
  {% endif %}
  {% call statement('main') -%}
    {%- if config.get('contract').enforced -%}{{ get_assert_columns_equivalent(sql) }}{%- endif -%}
    {%- set sql_header = config.get('sql_header', none) -%}
    {{ sql_header if sql_header is not none }}
    create or replace view {{ target_relation }} as (
      {{ sql }}
    );
  {%- endcall %}

  {% do apply_grants(target_relation, grant_config, should_revoke=should_revoke(existing_relation, full_refresh_mode=True)) %}
  {% do persist_docs(target_relation, model) %}

  {{ run_hooks(post_hooks, inside_transaction=True) }}
  {{ adapter.commit() }}
  {{ run_hooks(post_hooks, inside_transaction=False) }}

  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
