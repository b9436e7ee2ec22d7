-- An alias naming two different entities in one language must be marked ambiguous on both.
select language, lower(alias) as alias, count(distinct entity_id) as entities
from {{ ref('stg_reference__aliases') }}
group by 1, 2
having count(distinct entity_id) > 1 and bool_or(not is_ambiguous)
