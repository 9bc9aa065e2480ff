-- Channels beyond the in-app inbox: people's contact details and preferences (restricted), the
-- referral facts person messages need, partner webhook subscriptions, and one durable delivery
-- queue for e-mail, SMS and webhooks (it is also the scheduler: a reminder is a row due later).

-- RESTRICTED: how to reach a person, only from the person-contact-changed topic. The only table of
-- this service holding personal data; nothing else copies it (deliveries name the person by personRef).
create table person_contact (
    person_ref        varchar(100) primary key,
    display_name      varchar(200),
    email             varchar(320),
    mobile_phone      varchar(40),
    preferred_channel varchar(12)  not null check (preferred_channel in ('email', 'sms', 'letter', 'none')),
    language          varchar(20)  not null,
    quiet_hours_start time,
    quiet_hours_end   time,
    opted_out         boolean      not null,
    consent_withdrawn boolean      not null,
    changed_at        timestamptz  not null
);

-- Who looks after a referral (staff data, from referral-assigned and activity-referral-updated), so
-- later messages can name the link worker to the person and reach the referrer with the message back.
create table referral_team (
    referral_id           uuid         primary key,
    referrer_organization varchar(100),
    link_worker           varchar(100),
    link_worker_name      varchar(200),
    updated_at            timestamptz  not null
);

-- A partner system's subscription to its organisation's notifications.
create table webhook_subscription (
    id           uuid          primary key,
    organisation varchar(100)  not null,
    url          varchar(2000) not null,
    event_types  varchar(1000) not null,  -- comma-separated rule codes
    secret       varchar(100)  not null,  -- HMAC-SHA256 key, shown to the partner once
    created_by   varchar(100)  not null,
    created_at   timestamptz   not null,
    removed_at   timestamptz
);
create index webhook_subscription_organisation on webhook_subscription (organisation) where removed_at is null;

-- Every message that leaves by e-mail, SMS or webhook, from planned to sent, failed or suppressed.
create table delivery (
    id               uuid         primary key,
    dedup_key        varchar(200) not null,  -- the causing event's id, or a reminder's own key
    source_event_id  varchar(100) not null,  -- the ce_id of the event that caused it
    rule             varchar(60)  not null,
    recipient_kind   varchar(20)  not null,  -- person, referrer, link-worker, provider
    recipient_type   varchar(20)  not null check (recipient_type in ('person', 'subscription')),
    recipient        varchar(100) not null,  -- personRef or subscription id, never an address
    organisation     varchar(100),           -- a webhook's organisation, for its delivery log
    channel          varchar(12)  not null check (channel in ('preferred', 'email', 'sms', 'webhook')),
    referral_id      uuid,
    subject_key      varchar(100),           -- the activity referral a reminder is about
    content          text         not null,  -- template parameters or webhook body: never personal data
    status           varchar(12)  not null check (status in ('pending', 'sent', 'failed', 'suppressed', 'cancelled')),
    attempts         int          not null default 0,
    due_at           timestamptz  not null,
    sent_via         varchar(12),
    last_error       varchar(100),           -- a code such as http-503 or timeout, never a provider's text
    created_at       timestamptz  not null,
    completed_at     timestamptz,
    -- exactly once as the recipient sees it: one message per cause, recipient and channel
    constraint delivery_once unique (dedup_key, recipient_type, recipient, channel)
);
create index delivery_due on delivery (due_at) where status = 'pending';
create index delivery_person on delivery (recipient) where recipient_type = 'person' and status = 'pending';
create index delivery_subject on delivery (subject_key) where status = 'pending';
create index delivery_log on delivery (organisation, created_at desc) where organisation is not null;
