-- Link-worker teams and their members, as referral-service publishes them on team-changed (a full
-- snapshot per change, compacted, keyed by team id). Staff data only: members by username. A link
-- worker reads and records a referral's measures, and reads KPIs, through an active membership of
-- the team the referral is with; never through their token's organisation.
create table team (
    team_id       varchar(50)  primary key,
    team_name     text,
    organisation  varchar(64),                -- the employing organisation (a PCN's ODS code, a provider id)
    changed_at    timestamptz  not null,      -- of the snapshot applied: an older one is ignored
    updated_at    timestamptz  not null
);

create table team_member (
    team_id   varchar(50)  not null references team (team_id) on delete cascade,
    username  varchar(255) not null,
    active    boolean      not null,          -- inactive members keep their history but see nothing new
    primary key (team_id, username)
);
create index team_member_active_username on team_member (username) where active;

-- the team each referral is with now (the latest by the events' own times), for access and the team filter
alter table referral_journey add column team_id varchar(50);
create index referral_journey_team on referral_journey (team_id, received_at);

-- a team serves self-referrals too, which have no practice; the team a measure was recorded in is kept
alter table outcome_measure alter column organisation drop not null;
alter table outcome_measure add column team_id varchar(50);

-- journeys stored before now hold no team: empty the projection, so that start-up rebuilds it from the
-- topics (linkwork.kpis.rebuild-at-start=if-empty) with the teams the events carry
truncate referral_journey;
