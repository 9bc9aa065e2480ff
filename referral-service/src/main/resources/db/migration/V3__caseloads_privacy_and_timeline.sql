-- People's identifiers are encrypted at rest by the application (AES-GCM, key from configuration),
-- so the columns hold ciphertext; lookups go through keyed hashes (HMAC) instead.
-- Rows written before encryption stay readable as they are (the application reads both forms).
alter table person drop constraint if exists person_nhs_number_key;
alter table person alter column nhs_number type varchar(200);
alter table person alter column postcode type varchar(200);
alter table person alter column phone type varchar(200);
alter table person alter column email type varchar(600);
alter table person alter column given_name drop not null;
alter table person alter column family_name drop not null;
alter table person alter column postcode drop not null;
alter table person add column nhs_number_index varchar(64) unique;   -- HMAC of the NHS number
alter table person add column identity_index varchar(64);             -- HMAC of name + date of birth, for people without an NHS number
alter table person add column postcode_district varchar(4);
alter table person add column sex varchar(12);
alter table person add column ethnicity_group varchar(12);
alter table person add column preferred_channel varchar(10) not null default 'none';
alter table person add column language varchar(10) not null default 'en';
alter table person add column quiet_hours_start varchar(5);
alter table person add column quiet_hours_end varchar(5);
alter table person add column opted_out boolean not null default false;
alter table person add column erased_at timestamptz;
create index person_identity on person (identity_index);

-- Link-worker teams: which practices and areas each serves, and who is in it.
create table team (
    id       varchar(50)  primary key,
    name     varchar(200) not null,
    version  bigint       not null default 0
);
create table team_practice (
    practice varchar(20) primary key,          -- a practice is served by one team
    team_id  varchar(50) not null references team (id) on delete cascade
);
create table team_area (
    postcode_district varchar(4) primary key,  -- self-referrals without a practice go by area
    team_id           varchar(50) not null references team (id) on delete cascade
);
create table team_member (
    team_id      varchar(50)  not null references team (id) on delete cascade,
    username     varchar(100) not null,
    display_name varchar(200) not null,
    active       boolean      not null default true,
    primary key (team_id, username)
);
create index team_member_username on team_member (username);

alter table referral alter column source type varchar(10);
alter table referral alter column referrer_organization drop not null;
alter table referral alter column referrer_username drop not null;
alter table referral add column team_id varchar(50) references team (id);
alter table referral add column assigned_at timestamptz;
alter table referral add column first_contact_due timestamptz;
alter table referral add column first_contacted_at timestamptz;
alter table referral add column overdue_at timestamptz;          -- set once, when referral-overdue is published
alter table referral add column duplicate_override_reason varchar(500);
alter table referral add column consent_withdrawn_at timestamptz;
alter table referral add column in_own_words varchar(2000);     -- a self-referral's needs, as the person wrote them
create index referral_caseload on referral (link_worker, status);
create index referral_team on referral (team_id, status);
create index referral_overdue on referral (first_contact_due) where overdue_at is null and first_contacted_at is null;
create index referral_person on referral (person_id, received_at);

alter table status_change add column comment varchar(1000);

-- The assessment is kept whole (goals in the person's words included), encrypted.
alter table assessment drop column delivery_modes;
alter table assessment drop column preferred_days;
alter table assessment drop column postcode;
alter table assessment drop column max_travel_km;
alter table assessment alter column needs drop not null;
alter table assessment add column details text;

create table note (
    id          uuid          primary key,
    referral_id uuid          not null references referral (id),
    author      varchar(100)  not null,
    author_role varchar(20)   not null,
    text        varchar(8000),                -- encrypted; null once erased
    created_at  timestamptz   not null
);
create index note_referral on note (referral_id, created_at);

-- What happened to a referral, in order, for the timeline and its live stream.
create table timeline_entry (
    seq         bigserial     primary key,
    referral_id uuid          not null references referral (id),
    at          timestamptz   not null,
    kind        varchar(30)   not null,
    summary     varchar(300)  not null,
    actor       varchar(100),
    actor_role  varchar(20)
);
create index timeline_referral on timeline_entry (referral_id, seq);

-- Every read and change of a person's record.
create table audit_event (
    id          bigserial     primary key,
    at          timestamptz   not null,
    actor       varchar(100)  not null,
    actor_role  varchar(20),
    actor_org   varchar(50),
    action      varchar(30)   not null,
    person_ref  varchar(40),
    referral_id uuid,
    detail      varchar(200)
);
create index audit_person on audit_event (person_ref, at);
create index audit_actor on audit_event (actor, at);

-- Idempotency-Key: the first result of a POST, replayed for a retry with the same key and body.
create table idempotency_record (
    scope         varchar(200)  not null,    -- who sent it: a user, a client, or an anonymous address hash
    idem_key      varchar(200)  not null,
    method        varchar(10)   not null,
    path          varchar(500)  not null,
    request_hash  varchar(64)   not null,
    status        integer,                   -- null while the first request is still running
    content_type  varchar(100),
    location      varchar(500),
    body          text,                      -- encrypted: responses carry personal data
    created_at    timestamptz   not null,
    primary key (scope, idem_key)
);
create index idempotency_age on idempotency_record (created_at);

-- Self-referral attempts per client address (hashed), for the rate limit.
create table self_referral_attempt (
    client_hash varchar(64)  not null,
    at          timestamptz  not null
);
create index self_referral_attempt_client on self_referral_attempt (client_hash, at);
