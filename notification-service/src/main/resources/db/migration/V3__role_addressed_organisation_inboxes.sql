-- Organisation inboxes are addressed to a role within the organisation: "referrers of practice
-- Y90001", "providers of organisation X". An organisation's notice is read only by callers whose
-- token carries that org_id AND that role (before this, everyone with the org_id read it, so a link
-- worker carrying a practice's code read the practice's referrers' notices). A user's notice is
-- addressed by username alone, so its role is null.
alter table notification add column recipient_role varchar(20);

-- existing organisation notices go to the audience of the rule that placed them, which
-- recipient_kind records: referrer rules to referrers, provider rules to providers
update notification set recipient_role = recipient_kind where recipient_type = 'organisation';

alter table notification add constraint notification_role_of_organisation check (
    (recipient_type = 'user' and recipient_role is null)
    -- "is not null" too: a null role would make "in" unknown, which a check lets through
    or (recipient_type = 'organisation' and recipient_role is not null and recipient_role in ('referrer', 'provider')));

-- one notification per event and recipient, the role being part of the recipient
alter table notification drop constraint notification_once_per_event_and_recipient;
alter table notification add constraint notification_once_per_event_and_recipient
    unique nulls not distinct (source_event_id, recipient_type, recipient, recipient_role);

drop index notification_inbox;
create index notification_inbox on notification (recipient_type, recipient, recipient_role, (read_at is not null), created_at desc);
