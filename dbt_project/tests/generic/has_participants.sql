{# Every meeting has at least one participant. #}
{% test has_participants(model) %}
select m.meeting_id
from {{ model }} as m
left join {{ ref('fct_meeting_participants') }} as p on p.meeting_id = m.meeting_id
where p.meeting_id is null
{% endtest %}
