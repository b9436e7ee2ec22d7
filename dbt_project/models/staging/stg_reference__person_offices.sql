select
    person_id,
    office,
    nullif(trim(country_code), '') as country_code,
    nullif(trim(organization), '') as organization,
    start_year,
    end_year
from {{ ref('lexicon_person_offices') }}
