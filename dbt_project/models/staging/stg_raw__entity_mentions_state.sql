select
    doc_id,
    processed_at
from {{ source('raw', 'entity_mentions_state') }}
