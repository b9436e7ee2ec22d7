select
    place_id as entity_id,
    name_en,
    geonames_id,
    nullif(trim(country_code), '') as country_code,
    feature_type
from {{ ref('lexicon_places_extra') }}
