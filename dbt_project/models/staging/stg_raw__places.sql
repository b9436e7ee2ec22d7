select
    entity_id,
    name_en,
    geonames_id,
    country_code,
    latitude,
    longitude,
    population
from {{ source('raw', 'places') }}
