{# Use the folder's schema name as is (marts, staging, ...), not <target>_<custom>:
   analysts query marts.dim_documents. #}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
