-- Statuses are stored as their event codes ("in-activity"), as every other table and event has them.
update referral set status = lower(replace(status, '_', '-'));
