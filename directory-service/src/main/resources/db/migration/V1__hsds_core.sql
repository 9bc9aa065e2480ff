-- The HSDS 3.0 core the walking skeleton needs: organisations, services, locations with their
-- address, taxonomy terms, and the links between them.
create table organization (
    id          varchar(100)  primary key,
    name        varchar(255)  not null,
    description varchar(4000) not null,
    email       varchar(254),
    website     varchar(500)
);

create table location (
    id              varchar(100) primary key,
    organization_id varchar(100) references organization (id),
    location_type   varchar(10)  not null,
    name            varchar(255),
    latitude        double precision,
    longitude       double precision,
    address_id      varchar(100),
    address_1       varchar(255),
    city            varchar(100),
    state_province  varchar(100),
    postal_code     varchar(10),
    country         varchar(2)
);
create index location_postal_code on location (postal_code);

create table taxonomy_term (
    id          varchar(100)  primary key,
    code        varchar(100)  not null,
    name        varchar(255)  not null,
    description varchar(1000) not null,
    taxonomy    varchar(100)  not null
);

create table service (
    id               varchar(100)  primary key,
    organization_id  varchar(100)  not null references organization (id),
    name             varchar(255)  not null,
    description      varchar(4000),
    url              varchar(500),
    email            varchar(254),
    status           varchar(20)   not null,
    minimum_age      integer,
    maximum_age      integer,
    places_available integer,
    last_modified    timestamptz   not null,
    version          bigint        not null default 0
);
create index service_organization on service (organization_id);

create table service_at_location (
    id          varchar(100) primary key,
    service_id  varchar(100) not null references service (id) on delete cascade,
    location_id varchar(100) not null references location (id)
);
create index service_at_location_service on service_at_location (service_id);

-- HSDS "attribute": links a service to a taxonomy term
create table attribute (
    id               varchar(100) primary key,
    service_id       varchar(100) not null references service (id) on delete cascade,
    taxonomy_term_id varchar(100) not null references taxonomy_term (id)
);
create index attribute_service on attribute (service_id);
