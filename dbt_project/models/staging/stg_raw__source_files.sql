with source as (
    select * from {{ source('raw', 'source_files') }}
)

select
    file_name,
    doc_id,
    sha256,
    size_bytes,
    modified_at,
    encoding,
    language,
    reject_reason,
    reject_reason is null as is_decoded,
    ingested_at
from source
