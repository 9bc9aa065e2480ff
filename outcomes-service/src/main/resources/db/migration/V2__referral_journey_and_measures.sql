-- The KPI projection becomes one journey per referral, folded from every lifecycle topic. The old
-- status-only projection is dropped: at start-up an empty referral_journey is rebuilt from the topics
-- from offset zero (linkwork.kpis.rebuild-at-start=if-empty), so nothing it held is lost.
drop table referral_progress;

create table referral_journey (
    referral_id        uuid         primary key,
    -- pseudonymous, coded facts only; copied out of the journey for the KPI filters
    person_ref         varchar(60),
    practice           varchar(50),
    source             varchar(20),
    postcode_district  varchar(10),
    age_band           varchar(10),
    sex                varchar(20),
    ethnicity_group    varchar(20),
    deprivation_decile smallint,
    received_at        timestamptz,              -- null until referral-created arrives
    status             varchar(20),
    providers          text[]       not null default '{}',
    activity_types     text[]       not null default '{}',
    journey            jsonb        not null,    -- the whole folded journey (ReferralJourney)
    updated_at         timestamptz  not null
);
create index referral_journey_practice on referral_journey (practice, received_at);
create index referral_journey_received on referral_journey (received_at);
create index referral_journey_providers on referral_journey using gin (providers);

-- Wellbeing measures: the system of record for answers and scores. Answers never leave this table;
-- outcome-recorded carries the scores only.
create table outcome_measure (
    id            uuid         primary key,
    referral_id   uuid         not null,
    person_ref    varchar(60)  not null,
    organisation  varchar(50)  not null,   -- the practice the referral belongs to
    instrument    varchar(20)  not null,
    timepoint     varchar(40)  not null,
    answers       jsonb        not null,
    scores        jsonb        not null,
    recorded_by   varchar(100) not null,   -- the link worker's username
    recorded_at   timestamptz  not null
);
create index outcome_measure_referral on outcome_measure (referral_id, instrument, recorded_at);
