select
    doc_id,
    sentence_index,
    char_start,
    char_end,
    surface,
    cue
from {{ source('raw', 'unlinked_person_mentions') }}
