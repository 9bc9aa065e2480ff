-- A team is employed by an organisation (a PCN, a council or a voluntary organisation); its members'
-- tokens carry that organisation as org_id, while what they see follows their team.
alter table team add column organisation varchar(64);

-- Announce every team that existed before teams were published, so that the services that let team
-- members see their referrals (matching, outcomes) learn them; from now on every change publishes one.
insert into outbox_event (id, topic, event_key, event_type, payload, occurred_at)
select gen_random_uuid(), 'team-changed', t.id, 'linkwork.team.changed.v1',
       json_build_object(
           'teamId', t.id,
           'teamName', t.name,
           'organisation', t.organisation,
           'practices', coalesce((select json_agg(p.practice order by p.practice) from team_practice p where p.team_id = t.id), '[]'::json),
           'areas', coalesce((select json_agg(a.postcode_district order by a.postcode_district) from team_area a where a.team_id = t.id), '[]'::json),
           'members', coalesce((select json_agg(json_build_object('username', m.username, 'active', m.active) order by m.username)
                                from team_member m where m.team_id = t.id), '[]'::json),
           'changedAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text,
       now()
from team t;
