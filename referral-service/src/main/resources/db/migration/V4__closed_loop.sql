-- The activities matching proposed for a referral, as match-proposed named them: what a link worker
-- may send an activity referral for, without asking matching or the directory.
create table proposed_service (
    referral_id     uuid          not null references referral (id),
    service_id      varchar(100)  not null,
    service_name    varchar(300)  not null,
    organization_id varchar(100)  not null,
    rank            integer       not null,
    proposed_at     timestamptz   not null,
    primary key (referral_id, service_id)
);

-- An activity referral to a community provider: a FHIR SDOH Clinical Care (Gravity) Task, owned by
-- the provider organisation, requested by the link worker.
create table activity_referral (
    id                    uuid          primary key,
    referral_id           uuid          not null references referral (id),
    service_id            varchar(100)  not null,
    service_name          varchar(300)  not null,
    activity_type         varchar(50),
    provider_organization varchar(100)  not null,
    requester             varchar(100)  not null,
    status                varchar(20)   not null,
    status_reason_code    varchar(50),
    status_reason_text    varchar(500),          -- why, in words: stays here, never in an event
    share_contact         boolean       not null,  -- the person agreed the provider may phone them
    sessions_attended     integer       not null default 0,
    next_session_at       timestamptz,
    requested_at          timestamptz   not null,
    started_at            timestamptz,
    ended_at              timestamptz,
    updated_at            timestamptz   not null,
    version               bigint        not null default 0
);
create index activity_referral_referral on activity_referral (referral_id);
create index activity_referral_provider on activity_referral (provider_organization, updated_at desc);

-- One session of an activity: attended or missed, as the provider recorded it.
create table session_attendance (
    activity_referral_id uuid          not null references activity_referral (id),
    session_at           timestamptz   not null,
    attended             boolean       not null,
    recorded_by          varchar(100)  not null,
    recorded_at          timestamptz   not null,
    primary key (activity_referral_id, session_at)
);

-- What was done for an activity referral (a FHIR Procedure): posted by the provider's system or
-- made by the platform when an activity referral is completed without one.
create table activity_procedure (
    id                   uuid          primary key,
    activity_referral_id uuid          not null references activity_referral (id),
    status               varchar(20)   not null,
    code_system          varchar(200),
    code                 varchar(100),
    code_text            varchar(300),
    performed_start      timestamptz,
    performed_end        timestamptz,
    recorded_by          varchar(100)  not null,
    recorded_at          timestamptz   not null
);
create index activity_procedure_activity on activity_procedure (activity_referral_id);

-- A Task a referring system posted (Gravity "referral management"): the platform fetches the
-- ServiceRequest it points at, from the partner's configured FHIR base only, then follows the referral.
create table referral_task (
    id                uuid          primary key,
    client_id         varchar(100)  not null,   -- the partner client that posted it; only it may act on it
    posted_by         varchar(100)  not null,   -- the client's user name, the referral's referrer
    organisation      varchar(50),
    focus             varchar(1000) not null,   -- absolute URL of the ServiceRequest on the referring system
    patient_reference varchar(1000),
    requester         varchar(300),
    status            varchar(20)   not null,
    status_reason     varchar(300),
    status_reason_code varchar(50),
    referral_id       uuid          references referral (id),
    fetch_attempts    integer       not null default 0,
    next_fetch_at     timestamptz,
    authored_on       timestamptz   not null,
    updated_at        timestamptz   not null,
    version           bigint        not null default 0
);
create index referral_task_client on referral_task (client_id, updated_at desc);
create index referral_task_referral on referral_task (referral_id);
create index referral_task_due on referral_task (next_fetch_at) where status = 'requested';

-- Wellbeing scores recorded by outcomes-service for a referral (scores only, never answers).
create table wellbeing_score (
    measure_id  varchar(100)  primary key,
    referral_id uuid          not null,
    instrument  varchar(20)   not null,
    timepoint   varchar(30)   not null,
    scores      varchar(2000) not null,   -- JSON object of score name to number
    recorded_at timestamptz   not null
);
create index wellbeing_score_referral on wellbeing_score (referral_id, recorded_at);
