-- Matching's own copy of the directory, built from the directory-service-changed snapshots. Only
-- what matching needs is kept; the directory service remains the system of record.
create table directory_service (
    id                varchar(100) primary key,   -- the directory's service id (the topic's key)
    name              text         not null,
    organization_id   varchar(100) not null,
    organization_name text         not null,
    status            varchar(30)  not null,      -- active, inactive, defunct, temporarily closed
    delivery_modes    varchar(100) not null,      -- comma-separated: in-person, online, telephone
    places_available  integer,                    -- null: the directory does not track capacity
    version           bigint       not null,      -- the snapshot's version; older snapshots are ignored
    changed_at        timestamptz,
    received_at       timestamptz  not null
);
create index directory_service_status on directory_service (status);

-- Taxonomy codes; the linkwork-needs taxonomy uses the need codes, which is what candidates are found by.
create table directory_service_taxonomy (
    service_id varchar(100) not null references directory_service (id) on delete cascade,
    code       varchar(100) not null,
    primary key (service_id, code)
);
create index directory_service_taxonomy_code on directory_service_taxonomy (code);

create table directory_location (
    service_id        varchar(100)     not null references directory_service (id) on delete cascade,
    location_id       varchar(100)     not null,
    name              text,
    postcode          text,
    postcode_district varchar(4),                 -- derived from postcode, for the district centroids
    latitude          double precision,
    longitude         double precision,
    primary key (service_id, location_id)
);
create index directory_location_district on directory_location (postcode_district);

-- The current proposal for each assessed referral; a re-assessment replaces it.
create table match_proposal (
    referral_id           uuid         primary key,
    referrer_organization varchar(20),            -- whose link workers may read it
    link_worker           varchar(100),
    assessed_at           timestamptz,
    proposed_at           timestamptz  not null
);

create table proposed_activity (
    referral_id     uuid          not null references match_proposal (referral_id) on delete cascade,
    rank            integer       not null,
    service_id      varchar(100)  not null,
    service_name    text          not null,
    organization_id varchar(100)  not null,
    score           numeric(4, 3) not null,
    distance_km     numeric(7, 1),                -- null when either place is unknown
    reasons         jsonb         not null,
    primary key (referral_id, rank)
);
