-- Incremental on doc_id: a run loads only the documents the matching step processed since the
-- last build; `dbt build --full-refresh` (or the Dagster run config full_refresh) rebuilds it.
{{ config(
    materialized='incremental',
    unique_key='doc_id',
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    post_hook="{{ delete_superseded_rows(ref('stg_raw__entity_mentions_state'), ref('dim_documents')) }}"
) }}

with to_load as (
    {{ documents_to_load(ref('stg_raw__entity_mentions_state')) }}
),

mentions as (
    select * from {{ ref('stg_raw__entity_mentions') }}
    where doc_id in (select doc_id from to_load)
),

documents as (
    select doc_id from {{ ref('dim_documents') }}
)

select
    mentions.doc_id || ':' || mentions.mention_index as mention_id,
    mentions.doc_id,
    mentions.entity_id,
    mentions.entity_type,
    mentions.sentence_index,
    mentions.char_start,
    mentions.char_end,
    mentions.surface,
    mentions.alias_kind,
    to_load.processed_at,
    '{{ run_started_at.isoformat() }}'::timestamptz as loaded_at
from mentions
inner join to_load on to_load.doc_id = mentions.doc_id
inner join documents on documents.doc_id = mentions.doc_id
