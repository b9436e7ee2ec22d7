{#
  A mart's report for Dagster: its row count, its first rows and, for a mart with a picture
  (config meta `picture`), the data the picture is drawn from, logged as one line of dbt's JSON
  log right after the mart is built ("khabar mart report {...}").

  Dagster attaches it to the mart's materialization the moment dbt reports the model built
  (orchestration/assets/dbt.py): the database is dbt's until dbt exits, and reading it only then
  kept every mart, and its tests' results, waiting for the whole build. Only a JSON log has a
  reader; run by hand in dbt's text format, the hook runs no query and logs nothing.

  A post-hook outside the model's transaction, so that it runs after the model's own post-hooks
  (fct_mentions deletes superseded rows in one) and counts what the mart holds.
#}
{% macro log_mart_report() %}
    {%- if execute and invocation_args_dict.get('log_format') == 'json' -%}
        {%- set picture = (config.get('meta') or {}).get('picture') -%}
        {%- set report_query -%}
            select to_json({
                'row_count': (select count(*) from {{ this }}),
                'preview': (
                    select list(first_rows)
                    from (select left(columns(*)::varchar, 60) from {{ this }} limit 5) as first_rows
                ),
                'picture': {% if picture == 'who_met_whom' -%} ({{ who_met_whom_data() }})
                           {%- elif picture == 'places' -%} ({{ places_data() }})
                           {%- else -%} null {%- endif %}
            })
        {%- endset -%}
        {%- do log('khabar mart report ' ~ run_query(report_query).columns[0].values()[0], info=true) -%}
    {%- endif -%}
{% endmacro %}

{# Who met whom: each pair of participants of a meeting, by English name, with how often they
   met; the forty most frequent pairs (what the picture draws) and the number of all pairings. #}
{% macro who_met_whom_data() %}
    with pairs as (
        select least(one.name_en, other.name_en) as name_a, greatest(one.name_en, other.name_en) as name_b,
               count(*) as meetings
        from {{ this }} as meetings
        inner join {{ ref('stg_raw__meeting_participants') }} as a on a.meeting_id = meetings.meeting_id
        inner join {{ ref('stg_raw__meeting_participants') }} as b
            on b.meeting_id = meetings.meeting_id and a.entity_id < b.entity_id
        inner join {{ ref('dim_entities') }} as one on one.entity_id = a.entity_id
        inner join {{ ref('dim_entities') }} as other on other.entity_id = b.entity_id
        where one.name_en <> other.name_en
        group by all
    )
    select {
        'pairings': (select coalesce(sum(meetings), 0) from pairs),
        'pairs': (select coalesce(list([name_a, name_b, meetings::varchar] order by meetings desc, name_a, name_b)[1:40], [])
                  from pairs)
    }
{% endmacro %}

{# Places on the map: each geocoded place with its mentions, most mentioned first, in parallel
   lists (the log line stays small); names only for the fifteen labelled, coordinates to 0.01
   degree (finer than a pixel of the picture). #}
{% macro places_data() %}
    with places as (
        select name_en, round(latitude, 2) as latitude, round(longitude, 2) as longitude,
               sum(mention_count)::integer as mentions
        from {{ this }}
        where latitude is not null
        group by name_en, latitude, longitude
    )
    select {
        'labels': list(name_en order by mentions desc, name_en)[1:15],
        'latitudes': coalesce(list(latitude order by mentions desc, name_en), []),
        'longitudes': coalesce(list(longitude order by mentions desc, name_en), []),
        'mentions': coalesce(list(mentions order by mentions desc, name_en), [])
    }
    from places
{% endmacro %}
