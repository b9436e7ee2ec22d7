{# Every mention's surface is exactly the body text its offsets point to. #}
{% test surface_matches_body(model) %}
select m.mention_id
from {{ model }} as m
inner join {{ ref('dim_documents') }} as d on d.doc_id = m.doc_id
where substr(d.body, m.char_start + 1, m.char_end - m.char_start) <> m.surface
{% endtest %}
