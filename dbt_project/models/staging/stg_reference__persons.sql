select
    person_id as entity_id,
    name_en,
    nullif(trim(country_code), '') as country_code
from {{ ref('lexicon_persons') }}
