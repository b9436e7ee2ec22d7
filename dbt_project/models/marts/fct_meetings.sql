-- depends_on: {{ ref('stg_raw__meeting_participants') }}, {{ ref('dim_entities') }} (its picture's names: macros/mart_report.sql)
with meetings as (
    select * from {{ ref('stg_raw__meetings') }}
),

documents as (
    select doc_id, published_at from {{ ref('dim_documents') }}
)

select
    meetings.meeting_id,
    meetings.doc_id,
    meetings.sentence_index,
    meetings.modality,
    meetings.cameo_code,
    meetings.location_entity_id,
    meetings.date_text,
    meetings.event_date,
    documents.published_at,
    meetings.evidence,
    meetings.trigger
from meetings
inner join documents on documents.doc_id = meetings.doc_id
