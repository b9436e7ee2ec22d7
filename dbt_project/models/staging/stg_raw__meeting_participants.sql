select distinct
    doc_id || ':m' || meeting_index as meeting_id,
    entity_id
from {{ source('raw', 'meeting_participants') }}
