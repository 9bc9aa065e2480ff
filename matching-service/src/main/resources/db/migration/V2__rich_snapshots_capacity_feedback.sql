-- The whole snapshot is kept, so the in-memory index can be rebuilt from the database at start;
-- the revision orders the changes of one service as they committed.
alter table directory_service add column snapshot text;
alter table directory_service add column revision bigint not null default 0;
create sequence directory_revision;
comment on column directory_service.places_available is
    'the snapshot''s places, less those taken and plus those released by activity referrals since the snapshot';

-- Which activity referrals hold a place, from activity-referral-updated: accepted (and in progress, on hold) holds one,
-- rejected, cancelled, failed and completed release it. A state per activity referral, so redelivery changes nothing.
create table activity_referral_place (
    activity_referral_id varchar(100) primary key,
    service_id           varchar(100) not null,
    holding              boolean      not null,
    taken_at             timestamptz,              -- when it took a place (the event's updatedAt); null if it never did
    released_at          timestamptz,              -- when it gave the place back
    updated_at           timestamptz  not null
);
create index activity_referral_place_service on activity_referral_place (service_id);

-- What a proposal was made from (the coded assessment, no identifiers) so a link worker can re-run it with other filters.
alter table match_proposal add column person_ref varchar(64);
alter table match_proposal add column assessment text;
alter table proposed_activity add column reasons_against jsonb not null default '[]';

-- Near-misses: activities a hard constraint ruled out, with why.
create table excluded_activity (
    referral_id  uuid         not null references match_proposal (referral_id) on delete cascade,
    position     integer      not null,
    service_id   varchar(100) not null,
    service_name text         not null,
    reasons      jsonb        not null,
    primary key (referral_id, position)
);

-- Link workers' verdicts on proposed activities; published as match-feedback.
create table match_feedback (
    id           uuid         primary key,
    referral_id  uuid         not null references match_proposal (referral_id) on delete cascade,
    service_id   varchar(100) not null,
    decision     varchar(20)  not null,            -- chosen, not-suitable
    reason_code  varchar(30),                      -- Vocabulary.UNSUITABLE_REASONS, for not-suitable
    rank         integer,                          -- the rank it had in the proposal; null if not proposed
    link_worker  varchar(100),
    recorded_at  timestamptz  not null
);
create index match_feedback_referral on match_feedback (referral_id, recorded_at);
