{#
  The schemas of a database, for dbt's "create the schemas a build needs". dbt-core passes the
  database quoted ('"khabar"'), and dbt-duckdb's own macro compares that, quotes and all, with the
  catalog names: it finds no schema, and every build created every schema again (a look-up, a
  transaction and a `create schema if not exists` each, ~12 statements a build).
#}
{% macro duckdb__list_schemas(database) -%}
  {%- if database is not none and database.startswith('"') and database.endswith('"') -%}
    {%- set database = database[1:-1].replace('""', '"') -%}
  {%- endif -%}
  {% set sql %}
    select schema_name
    from system.information_schema.schemata
    {% if database is not none %}
    where lower(catalog_name) = '{{ database | lower | replace("'", "''") }}'
    {% endif %}
  {% endset %}
  {{ return(run_query(sql)) }}
{% endmacro %}
