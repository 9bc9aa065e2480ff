-- Link-worker teams as referral-service last described them (team-changed, a full snapshot per change): who is a
-- member, and whether active. Only an active member of the team a referral is with may read and act on its proposal.
create table team (
    team_id      varchar(100) primary key,   -- the topic's key
    name         text,
    organisation varchar(100),               -- the employing organisation (a PCN's ODS code, a council, a charity)
    changed_at   timestamptz  not null,      -- the snapshot's changedAt: an older snapshot is ignored
    received_at  timestamptz  not null
);

-- A snapshot replaces the team's members as a whole.
create table team_member (
    team_id  varchar(100) not null references team (team_id) on delete cascade,
    username varchar(100) not null,
    active   boolean      not null,
    primary key (team_id, username)
);
create index team_member_username on team_member (username);

-- The team each referral is with now: from its assessment (referral-assessed, at assessedAt) and its moves between
-- teams (referral-assigned, at assignedAt), whichever is latest, in whatever order they arrive.
create table referral_team (
    referral_id uuid         primary key,
    team_id     varchar(100) not null,
    since       timestamptz  not null,      -- the event time of what put it there
    updated_at  timestamptz  not null
);

-- The team the proposal's assessment named.
alter table match_proposal add column team_id varchar(100);
comment on column match_proposal.referrer_organization is 'the referring practice: recorded, no longer who may read it';
