select
    doc_id,
    mention_index,
    entity_id,
    entity_type,
    sentence_index,
    char_start,
    char_end,
    surface,
    alias_kind,
    is_ambiguous
from {{ source('raw', 'entity_mentions') }}
