{#
  Every input file is either an accepted document or a refused file, never both and never
  neither: the files of raw.source_files (which the ingest check `every_input_file_recorded` holds
  to the input folder) against dim_documents and the model tested, rejected_files. One row per
  file that breaks it, with what is wrong.
#}
{% test every_file_accepted_or_rejected(model) %}
with input_files as (
    select file_name from {{ ref('stg_raw__source_files') }}
),
accepted as (
    select file_name from {{ ref('dim_documents') }}
),
rejected as (
    select file_name from {{ model }}
)
select file_name, 'neither accepted nor rejected' as problem
from input_files
where file_name not in (select file_name from accepted)
  and file_name not in (select file_name from rejected)
union all
select file_name, 'accepted and rejected'
from accepted
where file_name in (select file_name from rejected)
union all
select file_name, 'not an input file'
from (select file_name from accepted union all select file_name from rejected)
where file_name not in (select file_name from input_files)
{% endtest %}
