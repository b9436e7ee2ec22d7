select
    file_name,
    published_at,
    url,
    outlet
from {{ source('raw', 'manifest') }}
