-- Persons named in the text (title + «name») that no lexicon entry links yet: kept, not lost,
-- and a to-do list for the reference data (group by surface to find the names to add).
with unlinked as (
    select * from {{ ref('stg_raw__unlinked_person_mentions') }}
),

documents as (
    select doc_id from {{ ref('dim_documents') }}
)

select
    unlinked.doc_id || ':u' || unlinked.char_start as unlinked_mention_id,
    unlinked.doc_id,
    unlinked.sentence_index,
    unlinked.char_start,
    unlinked.char_end,
    unlinked.surface,
    unlinked.cue
from unlinked
inner join documents on documents.doc_id = unlinked.doc_id
