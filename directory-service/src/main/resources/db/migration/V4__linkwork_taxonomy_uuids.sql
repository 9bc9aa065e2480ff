-- ORUK ids are UUIDs: the Linkwork taxonomies and their terms move from readable ids
-- (linkwork-needs, linkwork-needs:loneliness) to name-based UUIDs (RFC 4122 version 3, MD5 of the
-- name's UTF-8 bytes, as Java's UUID.nameUUIDFromBytes), derived from names that never change:
--   a taxonomy: its uri                 linkwork-needs            -> UUID v3 of 'urn:linkwork:need'
--   a term:     '<taxonomy uri>:<code>' linkwork-needs:loneliness -> UUID v3 of 'urn:linkwork:need:loneliness'
-- LinkworkTaxonomy derives the same ids in Java and a test compares them with these rows. The uri
-- stays the readable name; each term's term_uri becomes '<taxonomy uri>:<code>' and its taxonomy
-- (HSDS: "if possible, provide a URI") the taxonomy's uri. Every reference moves with the ids:
-- attributes (ids the directory derived from the term id are derived again), activity needs, parent
-- ids and the search projections on service. Stored content hashes covered the old ids, so a
-- service's first unchanged re-publish after this counts once as a change.

create function pg_temp.name_uuid(name text) returns varchar language sql immutable as $$
    select substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-3' || substr(h, 14, 3) || '-'
        || to_hex(((('x' || substr(h, 17, 1))::bit(4))::int & 3) | 8) || substr(h, 18, 3) || '-' || substr(h, 21, 12)
    from (select md5(convert_to(name, 'UTF8')) as h) digest
$$;

create temporary table linkwork_id (old_id varchar(100) primary key, new_id varchar(100) not null, kind varchar(8) not null)
    on commit drop;
insert into linkwork_id (old_id, new_id, kind)
select id, pg_temp.name_uuid(uri), 'taxonomy' from taxonomy
where id in ('linkwork-needs', 'linkwork-activities', 'linkwork-accessibility', 'linkwork-conditions', 'linkwork-settings',
             'linkwork-delivery');
insert into linkwork_id (old_id, new_id, kind)
select t.id, pg_temp.name_uuid(x.uri || ':' || t.code), 'term'
from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id join linkwork_id m on m.old_id = x.id;

insert into taxonomy (id, name, description, uri, version)
select m.new_id, x.name, x.description, x.uri, x.version from taxonomy x join linkwork_id m on m.old_id = x.id;

insert into taxonomy_term (id, code, name, description, parent_id, taxonomy, taxonomy_id, term_uri, language)
select m.new_id, t.code, t.name, t.description, t.parent_id, x.uri, tm.new_id, x.uri || ':' || t.code, t.language
from taxonomy_term t
join linkwork_id m on m.old_id = t.id
join linkwork_id tm on tm.old_id = t.taxonomy_id
join taxonomy x on x.id = t.taxonomy_id;

-- an attribute id the directory derived was UUID v3 of '<service id>|<term id>': derive it again
update attribute a set
    id = case when a.id = pg_temp.name_uuid(a.service_id || '|' || m.old_id) then pg_temp.name_uuid(a.service_id || '|' || m.new_id)
              else a.id end,
    taxonomy_term_id = m.new_id
from linkwork_id m where m.old_id = a.taxonomy_term_id;

update activity_need n set activity_term_id = m.new_id from linkwork_id m where m.old_id = n.activity_term_id;
update taxonomy_term t set parent_id = m.new_id from linkwork_id m where m.old_id = t.parent_id;

update service s set
    term_ids = (select coalesce(array_agg(coalesce(m.new_id, x) order by coalesce(m.new_id, x) collate "C"), '{}')
                from unnest(s.term_ids) x left join linkwork_id m on m.old_id = x),
    taxonomy_ids = (select coalesce(array_agg(coalesce(m.new_id, x) order by coalesce(m.new_id, x) collate "C"), '{}')
                    from unnest(s.taxonomy_ids) x left join linkwork_id m on m.old_id = x)
where s.term_ids && (select array_agg(old_id::text) from linkwork_id where kind = 'term')
   or s.taxonomy_ids && (select array_agg(old_id::text) from linkwork_id where kind = 'taxonomy');

delete from taxonomy_term where id in (select old_id from linkwork_id where kind = 'term');
delete from taxonomy where id in (select old_id from linkwork_id where kind = 'taxonomy');
