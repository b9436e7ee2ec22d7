select
    organization_id as entity_id,
    name_en,
    organization_type,
    nullif(trim(country_code), '') as country_code
from {{ ref('lexicon_organizations') }}
