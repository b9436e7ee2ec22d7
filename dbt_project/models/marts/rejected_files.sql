select
    file_name,
    reject_reason as reason
from {{ ref('int_source_files_classified') }}
where not is_accepted
