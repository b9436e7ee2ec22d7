select
    doc_id,
    language,
    title,
    body,
    outlet_in_text,
    sentence_count,
    token_count
from {{ source('raw', 'articles') }}
