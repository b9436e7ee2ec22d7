with files as (
    select * from {{ ref('int_source_files_classified') }}
    where is_accepted
),

articles as (
    select * from {{ ref('stg_raw__articles') }}
),

manifest as (
    select * from {{ ref('stg_raw__manifest') }}
)

select
    files.doc_id,
    files.file_name,
    articles.language,
    articles.title,
    coalesce(manifest.outlet, articles.outlet_in_text) as outlet,
    manifest.published_at,
    manifest.url,
    articles.body,
    articles.sentence_count,
    articles.token_count
from files
inner join articles on articles.doc_id = files.doc_id
left join manifest on manifest.file_name = files.file_name
