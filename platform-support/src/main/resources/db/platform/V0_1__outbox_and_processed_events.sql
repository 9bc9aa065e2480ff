-- Platform tables every service has in its own database (migrations in db/platform run before the
-- service's own, which start at V1).

-- Transactional outbox: written in the same transaction as the state change, relayed to Kafka after commit.
create table outbox_event (
    seq          bigserial    not null,
    id           uuid         primary key,
    topic        varchar(100) not null,
    event_key    varchar(200) not null,
    event_type   varchar(100) not null,
    payload      text,                       -- null is a tombstone
    occurred_at  timestamptz  not null,
    published_at timestamptz
);
create unique index outbox_event_seq on outbox_event (seq);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

-- Idempotent consumer: one row per event applied, written with the event's effect.
create table processed_event (
    event_id     varchar(100) primary key,
    event_type   varchar(100),
    processed_at timestamptz  not null
);
