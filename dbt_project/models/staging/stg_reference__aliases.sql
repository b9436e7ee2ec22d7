-- Every alias of every entity, one row per (entity, language, alias).
{% set alias_seeds = ['lexicon_person_aliases', 'lexicon_organization_aliases',
                      'lexicon_country_aliases', 'lexicon_place_aliases'] %}
{% for seed in alias_seeds %}
select
    entity_id,
    language,
    alias,
    alias_kind,
    cast(is_ambiguous as boolean) as is_ambiguous,
    '{{ seed }}' as source_seed
from {{ ref(seed) }}
{% if not loop.last %}union all{% endif %}
{% endfor %}
