select
    doc_id,
    meeting_index,
    doc_id || ':m' || meeting_index as meeting_id,
    sentence_index,
    modality,
    cameo_code,
    location_entity_id,
    date_text,
    event_date,
    evidence,
    trigger
from {{ source('raw', 'meetings') }}
