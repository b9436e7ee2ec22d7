-- All real-world entities Khabar knows: curated persons and organizations, ISO countries,
-- GeoNames cities and the extra regions/sites, with one shape.
with persons as (
    select entity_id, 'person' as entity_type, name_en, country_code,
           null::bigint as geonames_id, null::double as latitude, null::double as longitude,
           null as feature_type
    from {{ ref('stg_reference__persons') }}
),

organizations as (
    select entity_id, 'organization' as entity_type, name_en, country_code,
           null::bigint, null::double, null::double, organization_type
    from {{ ref('stg_reference__organizations') }}
),

countries as (
    select entity_id, 'country' as entity_type, name_en, country_code,
           geonames_id, null::double, null::double, 'country'
    from {{ ref('stg_raw__countries') }}
),

cities as (
    select entity_id, 'place' as entity_type, name_en, country_code,
           geonames_id, latitude, longitude, 'city'
    from {{ ref('stg_raw__places') }}
),

extra_places as (
    -- regions and sites the cities extract lacks: GeoNames id, no hand-typed coordinates
    select entity_id, 'place' as entity_type, name_en, country_code,
           geonames_id, null::double, null::double, feature_type
    from {{ ref('stg_reference__places_extra') }}
    where entity_id not in (select entity_id from cities)
)

select * from persons
union all select * from organizations
union all select * from countries
union all select * from cities
union all select * from extra_places
