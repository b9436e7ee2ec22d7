select
    entity_id,
    entity_type,
    name_en,
    country_code,
    geonames_id,
    latitude,
    longitude,
    feature_type
from {{ ref('int_entities_unioned') }}
