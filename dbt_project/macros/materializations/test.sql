{#
  Data tests on DuckDB as one read-only query, outside a transaction: dbt's default test
  materialization opens one for it (BEGIN, the query, and a ROLLBACK when the connection is
  released), two statements more for each of the ~60 tests of a build that adds one article.
  A DuckDB query outside an explicit transaction runs in its own, on committed data. A test
  that stores its failures creates a table: that goes to dbt's own materialization.
#}
{%- materialization test, adapter='duckdb' -%}
  {% if should_store_failures() %}
    {{ return(dbt.materialization_test_default()) }}  {#- dbt's own, under dbt's namespace -#}
  {% endif %}

  {% set sql_header = config.get('sql_header') if flags.REQUIRE_SQL_HEADER_IN_TEST_CONFIGS else none %}
  {% call statement('main', fetch_result=True, auto_begin=False) -%}
    {% if sql_header %}{{ sql_header }}{% endif %}
    {{ get_test_sql(get_limit_subquery_sql(sql, config.get('limit')), config.get('fail_calc'),
                    config.get('warn_if'), config.get('error_if'), limit=none) }}
  {%- endcall %}

  {{ return({'relations': []}) }}
{%- endmaterialization -%}
