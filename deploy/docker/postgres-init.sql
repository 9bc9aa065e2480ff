-- Run once by the postgres image on an empty data directory (docker-entrypoint-initdb.d).
-- One database per service. The services also create their database when it is missing,
-- so this only saves them the round trip on the first start.
CREATE DATABASE linkwork_referral;
CREATE DATABASE linkwork_directory;
CREATE DATABASE linkwork_matching;
CREATE DATABASE linkwork_outcomes;
CREATE DATABASE linkwork_notification;
