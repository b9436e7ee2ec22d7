{#
  Incremental fact tables keyed on doc_id, fed by a Python step's state table
  (doc_id, processed_at: when the step last wrote that document's rows).

  documents_to_load: the documents processed since this table was last built (all of them on
  a first or --full-refresh build). The watermark is inclusive: reloading the last batch is
  harmless, because delete+insert on doc_id replaces a document's rows.

  delete_superseded_rows (post-hook): rows of documents that were deleted, that left
  dim_documents, or that were reprocessed into no rows at all (delete+insert only replaces
  documents that still have rows) go; a row stays only while its processed_at is the state's.
#}
{% macro documents_to_load(state_relation) %}
    select doc_id, processed_at
    from {{ state_relation }}
    {#- a table built before it had processed_at (an older Khabar) is reloaded whole: the column is
        added by on_schema_change='append_new_columns' and every document's rows are replaced #}
    {% if is_incremental() and 'processed_at' in (adapter.get_columns_in_relation(this) | map(attribute='name') | list) %}
    where processed_at >= (
        select coalesce(max(loaded.processed_at), '-infinity'::timestamptz) from {{ this }} as loaded
    )
    {% endif %}
{% endmacro %}

{% macro delete_superseded_rows(state_relation, documents_relation) %}
    delete from {{ this }} as facts
    where not exists (
        select 1 from {{ state_relation }} as state
        where state.doc_id = facts.doc_id and state.processed_at = facts.processed_at
    )
    or facts.doc_id not in (select doc_id from {{ documents_relation }})
{% endmacro %}
