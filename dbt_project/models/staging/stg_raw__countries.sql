select
    entity_id,
    name_en,
    country_code,
    alpha3,
    geonames_id
from {{ source('raw', 'countries') }}
