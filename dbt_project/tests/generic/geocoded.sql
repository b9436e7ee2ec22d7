{# Every place has a GeoNames id (or at least the ISO code of its country) and every country an ISO code. #}
{% test geocoded(model) %}
select doc_id, entity_id
from {{ model }}
where (entity_type = 'place' and geonames_id is null and country_code is null
       and coalesce(feature_type, '') <> 'water_body')  -- seas belong to no country
   or (entity_type = 'country' and country_code is null)
{% endtest %}
