-- Where each referral is, projected from referral-created and referral-status-changed. Pseudonymous:
-- the referral id and coded, coarse facts only (practice, postcode district, age band), never a person.
create table referral_progress (
    referral_id           uuid         primary key,
    status                varchar(20)  not null,   -- a code of ReferralStatus
    -- time of the status change that set status; null while the status is the "received" of referral-created,
    -- which any status change supersedes
    status_changed_at     timestamptz,
    referrer_organization varchar(50),             -- GP practice ODS code, upper case
    source                varchar(20),
    needs                 varchar(1000),           -- comma-separated need codes
    postcode_district     varchar(10),
    age_band              varchar(10),
    -- null until referral-created has arrived (its status change may come first, on the other topic)
    received_at           timestamptz,
    updated_at            timestamptz  not null
);
create index referral_progress_practice on referral_progress (referrer_organization, received_at);
create index referral_progress_received on referral_progress (received_at);
