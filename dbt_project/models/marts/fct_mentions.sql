with mentions as (
    select * from {{ ref('stg_raw__entity_mentions') }}
),

documents as (
    select doc_id from {{ ref('dim_documents') }}
)

select
    mentions.doc_id || ':' || mentions.mention_index as mention_id,
    mentions.doc_id,
    mentions.entity_id,
    mentions.entity_type,
    mentions.sentence_index,
    mentions.char_start,
    mentions.char_end,
    mentions.surface,
    mentions.alias_kind
from mentions
inner join documents on documents.doc_id = mentions.doc_id
