-- The only home of people's identifying details in the platform.
create table person (
    id            uuid         primary key,
    person_ref    varchar(40)  not null unique,   -- the pseudonym every other service sees
    nhs_number    varchar(10)  unique,
    given_name    varchar(100) not null,
    family_name   varchar(100) not null,
    date_of_birth date,
    postcode      varchar(10)  not null,
    phone         varchar(20),
    email         varchar(254),
    created_at    timestamptz  not null
);

create table referral (
    id                    uuid         primary key,
    person_id             uuid         not null references person (id),
    source                varchar(10)  not null,
    referrer_organization varchar(20)  not null,
    referrer_username     varchar(100) not null,
    needs                 varchar(400) not null,   -- comma-separated need codes
    reason                varchar(2000),
    urgency               varchar(10)  not null,
    consent_given         boolean      not null,
    consent_recorded_at   timestamptz  not null,
    status                varchar(20)  not null,
    link_worker           varchar(100),
    received_at           timestamptz  not null,
    updated_at            timestamptz  not null,
    version               bigint       not null default 0
);
create index referral_practice on referral (referrer_organization, status);

create table assessment (
    id              uuid         primary key,
    referral_id     uuid         not null references referral (id),
    link_worker     varchar(100) not null,
    needs           varchar(400) not null,
    delivery_modes  varchar(100) not null,
    preferred_days  varchar(50)  not null,
    postcode        varchar(10)  not null,
    max_travel_km   numeric(6, 1),
    assessed_at     timestamptz  not null
);
create index assessment_referral on assessment (referral_id);

-- Who changed what and when: the lifecycle's audit trail.
create table status_change (
    id           uuid         primary key,
    referral_id  uuid         not null references referral (id),
    from_status  varchar(20),
    to_status    varchar(20)  not null,
    changed_by   varchar(100) not null,
    changed_role varchar(20)  not null,
    reason_code  varchar(50),
    changed_at   timestamptz  not null
);
create index status_change_referral on status_change (referral_id, changed_at);
