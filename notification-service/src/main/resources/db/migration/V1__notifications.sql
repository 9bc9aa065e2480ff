-- In-app inboxes. A notification is addressed either to one user (by username) or to a whole
-- organisation (by its org_id: GP practice ODS code or provider id); its text is plain language and
-- names the referral only by a short reference, never the person.
create table notification (
    id              uuid         primary key,
    source_event_id varchar(100) not null,   -- the ce_id of the event that caused it
    recipient_type  varchar(12)  not null check (recipient_type in ('user', 'organisation')),
    recipient       varchar(100) not null,   -- username or organisation code
    recipient_kind  varchar(20)  not null,   -- link-worker, referrer, ... as in notification-delivered
    referral_id     uuid,
    title           varchar(200) not null,
    body            varchar(1000) not null,
    created_at      timestamptz  not null,
    read_at         timestamptz,
    -- one notification per event and recipient, however often the event is delivered
    constraint notification_once_per_event_and_recipient unique (source_event_id, recipient_type, recipient)
);

-- the inbox query: one recipient's notifications, unread first, newest first
create index notification_inbox on notification (recipient_type, recipient, (read_at is not null), created_at desc);
