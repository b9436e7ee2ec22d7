-- Places and countries named in each document, geocoded.
with mentions as (
    select * from {{ ref('fct_mentions') }}
    where entity_type in ('place', 'country')
),

entities as (
    select * from {{ ref('dim_entities') }}
)

select
    mentions.doc_id,
    mentions.entity_id,
    entities.entity_type,
    entities.feature_type,
    entities.name_en,
    entities.geonames_id,
    entities.latitude,
    entities.longitude,
    entities.country_code,
    count(*) as mention_count
from mentions
inner join entities on entities.entity_id = mentions.entity_id
group by all
