-- Decide each file's fate: the first name (alphabetically) of a content is the document,
-- other names with the same bytes are duplicates of it.
with files as (
    select * from {{ ref('stg_raw__source_files') }}
),

ranked as (
    select
        *,
        row_number() over (partition by sha256, is_decoded order by file_name) as name_rank,
        first_value(file_name) over (partition by sha256, is_decoded order by file_name) as first_file_name
    from files
)

select
    file_name,
    doc_id,
    language,
    is_decoded and name_rank = 1 as is_accepted,
    case
        when not is_decoded then reject_reason
        when name_rank > 1 then 'duplicate of ' || first_file_name
    end as reject_reason
from ranked
