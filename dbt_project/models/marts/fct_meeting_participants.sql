select
    participants.meeting_id,
    participants.entity_id
from {{ ref('stg_raw__meeting_participants') }} as participants
inner join {{ ref('fct_meetings') }} as meetings on meetings.meeting_id = participants.meeting_id
