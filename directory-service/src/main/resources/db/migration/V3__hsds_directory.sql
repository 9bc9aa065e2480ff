-- The rest of the HSDS 3.0 core model (schedule, cost_option, language, service_area, contact,
-- phone, accessibility, taxonomy), service capacity as in HSDS 3.1's service_capacity, the
-- provider's assured_date, and the columns link-worker search reads. Coded facets a link worker
-- filters on (needs, activity types, accessibility, eligibility conditions, setting, delivery mode)
-- are HSDS attributes with terms of the linkwork-* taxonomies; the arrays on service are their
-- projection for search, rewritten with every change of the service.

create table taxonomy (
    id          varchar(100)  primary key,
    name        varchar(255)  not null,
    description varchar(1000) not null,
    uri         varchar(500),
    version     varchar(50)
);

insert into taxonomy (id, name, description, uri, version) values
    ('linkwork-needs', 'Linkwork needs', 'The needs social prescribing addresses; the same codes referrals and matching use (urn:linkwork:need)', 'urn:linkwork:need', '1'),
    ('linkwork-activities', 'Social prescribing activity types', 'Kinds of community activity, each mapped to the needs it usually meets', 'urn:linkwork:activity', '1'),
    ('linkwork-accessibility', 'Accessibility features', 'What a place or activity offers so that people can take part', 'urn:linkwork:accessibility', '1'),
    ('linkwork-conditions', 'Eligibility conditions', 'Broad health conditions a service is only for', 'urn:linkwork:condition', '1'),
    ('linkwork-settings', 'Settings', 'Whether an activity runs in a group or one to one', 'urn:linkwork:setting', '1'),
    ('linkwork-delivery', 'Delivery modes', 'How a person takes part: in person, online or by telephone', 'urn:linkwork:delivery-mode', '1');

alter table taxonomy_term
    add column parent_id   varchar(100),
    add column taxonomy_id varchar(100) references taxonomy (id),
    add column term_uri    varchar(500),
    add column language    varchar(35),
    alter column code drop not null,
    alter column taxonomy drop not null;
update taxonomy_term set taxonomy_id = taxonomy where taxonomy = 'linkwork-needs';
create index taxonomy_term_taxonomy on taxonomy_term (taxonomy_id);
create index taxonomy_term_code on taxonomy_term (code);

insert into taxonomy_term (id, code, name, description, taxonomy, taxonomy_id) values
    ('linkwork-activities:walking-group', 'walking-group', 'Walking group', 'Led health walks at a gentle pace', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:exercise-class', 'exercise-class', 'Exercise class', 'Chair-based, strength and balance or general fitness classes', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:mens-shed', 'mens-shed', 'Men''s shed', 'A community workshop to make, mend and talk', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:community-garden', 'community-garden', 'Community garden', 'Growing food and flowers together', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:green-volunteering', 'green-volunteering', 'Conservation volunteering', 'Outdoor volunteering in parks and nature reserves', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:arts-on-prescription', 'arts-on-prescription', 'Arts on prescription', 'A creative course for people with low mood or anxiety', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:choir', 'choir', 'Community choir', 'Singing together, no experience needed', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:befriending', 'befriending', 'Befriending', 'Regular visits or calls from a volunteer', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:social-group', 'social-group', 'Social group', 'Coffee mornings, clubs and meet-ups', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:lunch-club', 'lunch-club', 'Lunch club', 'A shared meal and company', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:peer-support-group', 'peer-support-group', 'Peer support group', 'People with the same condition supporting each other', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:talking-support', 'talking-support', 'Talking support', 'Listening services and low-intensity talking support', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:bereavement-support', 'bereavement-support', 'Bereavement support', 'Groups and one-to-one support after a death', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:carers-group', 'carers-group', 'Carers group', 'Support and a break for unpaid carers', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:money-advice', 'money-advice', 'Money and benefits advice', 'Benefit checks, budgeting and income maximisation', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:debt-advice', 'debt-advice', 'Debt advice', 'Free, confidential debt advice', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:housing-advice', 'housing-advice', 'Housing advice', 'Help with tenancy, repairs and homelessness', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:employment-support', 'employment-support', 'Employment support', 'Help into work, training or volunteering', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:adult-learning', 'adult-learning', 'Adult learning', 'Courses for adults in the community', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:digital-inclusion', 'digital-inclusion', 'Digital inclusion', 'Help to get online and use a phone, tablet or computer', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:cooking-class', 'cooking-class', 'Cooking class', 'Learning to cook healthy food on a budget', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:weight-management', 'weight-management', 'Weight management', 'Support to eat well and reach a healthy weight', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:food-bank', 'food-bank', 'Food bank', 'Emergency food parcels and community pantries', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:relationship-support', 'relationship-support', 'Relationship support', 'Support for couples and families', 'linkwork-activities', 'linkwork-activities'),
    ('linkwork-activities:alcohol-drug-support', 'alcohol-drug-support', 'Alcohol and drug support', 'Recovery groups and advice', 'linkwork-activities', 'linkwork-activities'),

    ('linkwork-accessibility:wheelchair-access', 'wheelchair-access', 'Wheelchair access', 'A wheelchair user can get in and take part', 'linkwork-accessibility', 'linkwork-accessibility'),
    ('linkwork-accessibility:step-free-access', 'step-free-access', 'Step-free access', 'No steps between the street and the activity', 'linkwork-accessibility', 'linkwork-accessibility'),
    ('linkwork-accessibility:hearing-loop', 'hearing-loop', 'Hearing loop', 'An induction loop for hearing aid users', 'linkwork-accessibility', 'linkwork-accessibility'),
    ('linkwork-accessibility:bsl', 'bsl', 'British Sign Language', 'Run in or interpreted into BSL', 'linkwork-accessibility', 'linkwork-accessibility'),
    ('linkwork-accessibility:learning-disability-support', 'learning-disability-support', 'Learning disability support', 'Staff or volunteers support people with a learning disability', 'linkwork-accessibility', 'linkwork-accessibility'),
    ('linkwork-accessibility:accessible-toilet', 'accessible-toilet', 'Accessible toilet', 'An accessible toilet on site', 'linkwork-accessibility', 'linkwork-accessibility'),
    ('linkwork-accessibility:low-intensity', 'low-intensity', 'Low intensity', 'Gentle; no strenuous activity', 'linkwork-accessibility', 'linkwork-accessibility'),
    ('linkwork-accessibility:seated-options', 'seated-options', 'Seated options', 'Everything can be done sitting down', 'linkwork-accessibility', 'linkwork-accessibility'),
    ('linkwork-accessibility:large-print', 'large-print', 'Large print', 'Materials in large print', 'linkwork-accessibility', 'linkwork-accessibility'),

    ('linkwork-conditions:cardiovascular', 'cardiovascular', 'Heart and circulation', 'For people with a heart or circulation condition', 'linkwork-conditions', 'linkwork-conditions'),
    ('linkwork-conditions:respiratory', 'respiratory', 'Breathing', 'For people with COPD, asthma or another lung condition', 'linkwork-conditions', 'linkwork-conditions'),
    ('linkwork-conditions:diabetes', 'diabetes', 'Diabetes', 'For people living with diabetes', 'linkwork-conditions', 'linkwork-conditions'),
    ('linkwork-conditions:musculoskeletal', 'musculoskeletal', 'Joints, muscles and back', 'For people with arthritis, back pain or a joint condition', 'linkwork-conditions', 'linkwork-conditions'),
    ('linkwork-conditions:mental-health', 'mental-health', 'Mental health', 'For people living with a mental health condition', 'linkwork-conditions', 'linkwork-conditions'),
    ('linkwork-conditions:dementia', 'dementia', 'Dementia', 'For people living with dementia and their carers', 'linkwork-conditions', 'linkwork-conditions'),
    ('linkwork-conditions:learning-disability', 'learning-disability', 'Learning disability', 'For people with a learning disability', 'linkwork-conditions', 'linkwork-conditions'),
    ('linkwork-conditions:sensory-impairment', 'sensory-impairment', 'Sight or hearing loss', 'For people with sight or hearing loss', 'linkwork-conditions', 'linkwork-conditions'),
    ('linkwork-conditions:cancer', 'cancer', 'Cancer', 'For people living with or after cancer', 'linkwork-conditions', 'linkwork-conditions'),
    ('linkwork-conditions:long-covid', 'long-covid', 'Long COVID', 'For people living with long COVID', 'linkwork-conditions', 'linkwork-conditions'),
    ('linkwork-conditions:frailty', 'frailty', 'Frailty', 'For older people living with frailty', 'linkwork-conditions', 'linkwork-conditions'),

    ('linkwork-settings:group', 'group', 'Group', 'Takes place in a group', 'linkwork-settings', 'linkwork-settings'),
    ('linkwork-settings:one-to-one', 'one-to-one', 'One to one', 'Takes place one to one', 'linkwork-settings', 'linkwork-settings'),

    ('linkwork-delivery:in-person', 'in-person', 'In person', 'Take part in person at a place', 'linkwork-delivery', 'linkwork-delivery'),
    ('linkwork-delivery:online', 'online', 'Online', 'Take part online', 'linkwork-delivery', 'linkwork-delivery'),
    ('linkwork-delivery:telephone', 'telephone', 'By telephone', 'Take part by telephone', 'linkwork-delivery', 'linkwork-delivery');

-- which needs an activity type usually meets; a service tagged with the activity carries them
create table activity_need (
    activity_term_id varchar(100) not null references taxonomy_term (id),
    need_code        varchar(50)  not null,
    primary key (activity_term_id, need_code)
);
insert into activity_need (activity_term_id, need_code)
select 'linkwork-activities:' || a, n from (values
    ('walking-group', 'physical-activity'), ('walking-group', 'loneliness'), ('walking-group', 'nature'),
    ('exercise-class', 'physical-activity'), ('exercise-class', 'healthy-weight'), ('exercise-class', 'long-term-condition'),
    ('mens-shed', 'loneliness'), ('mens-shed', 'low-mood'), ('mens-shed', 'learning'),
    ('community-garden', 'nature'), ('community-garden', 'physical-activity'), ('community-garden', 'food'), ('community-garden', 'loneliness'),
    ('green-volunteering', 'nature'), ('green-volunteering', 'physical-activity'), ('green-volunteering', 'employment'),
    ('arts-on-prescription', 'arts-creativity'), ('arts-on-prescription', 'low-mood'), ('arts-on-prescription', 'anxiety'),
    ('choir', 'arts-creativity'), ('choir', 'loneliness'), ('choir', 'low-mood'),
    ('befriending', 'loneliness'), ('befriending', 'low-mood'),
    ('social-group', 'loneliness'), ('social-group', 'relationships'),
    ('lunch-club', 'food'), ('lunch-club', 'loneliness'),
    ('peer-support-group', 'long-term-condition'), ('peer-support-group', 'low-mood'), ('peer-support-group', 'loneliness'),
    ('talking-support', 'low-mood'), ('talking-support', 'anxiety'),
    ('bereavement-support', 'bereavement'), ('bereavement-support', 'low-mood'),
    ('carers-group', 'carer-support'), ('carers-group', 'loneliness'),
    ('money-advice', 'money'), ('money-advice', 'debt'),
    ('debt-advice', 'debt'), ('debt-advice', 'money'), ('debt-advice', 'anxiety'),
    ('housing-advice', 'housing'), ('housing-advice', 'money'),
    ('employment-support', 'employment'), ('employment-support', 'learning'),
    ('adult-learning', 'learning'), ('adult-learning', 'loneliness'),
    ('digital-inclusion', 'digital-skills'), ('digital-inclusion', 'learning'),
    ('cooking-class', 'food'), ('cooking-class', 'healthy-weight'), ('cooking-class', 'learning'),
    ('weight-management', 'healthy-weight'), ('weight-management', 'physical-activity'), ('weight-management', 'food'),
    ('food-bank', 'food'), ('food-bank', 'money'),
    ('relationship-support', 'relationships'),
    ('alcohol-drug-support', 'substance-use')
) as m (a, n);

alter table organization
    add column uri           varchar(500),
    add column logo          varchar(500),
    add column version       bigint      not null default 1,
    add column last_modified timestamptz not null default now();

alter table location
    add column alternate_name           varchar(255),
    add column description              varchar(4000),
    add column url                      varchar(500),
    add column external_identifier      varchar(100),
    add column external_identifier_type varchar(100),
    add column address_2                varchar(255),
    add column region                   varchar(100),
    add column attention                varchar(255),
    add column version                  bigint      not null default 1,
    add column last_modified            timestamptz not null default now();
alter table location alter column postal_code type varchar(12);
create index location_position on location (latitude, longitude) where latitude is not null and longitude is not null;
create index location_organization on location (organization_id);

create table accessibility (
    id          varchar(100)  primary key,
    location_id varchar(100)  not null references location (id) on delete cascade,
    description varchar(4000),
    details     varchar(4000),
    url         varchar(500)
);
create index accessibility_location on accessibility (location_id);

alter table service
    add column alternate_name          varchar(255),
    add column interpretation_services varchar(4000),
    add column application_process     varchar(4000),
    add column fees_description        varchar(4000),
    add column wait_time               varchar(255),
    add column accreditations          varchar(4000),
    add column eligibility_description varchar(4000),
    add column alert                   varchar(4000),
    add column assured_date            date,
    add column assurer_email           varchar(254),
    add column maximum_places          integer,
    add column content_hash            varchar(64),
    -- projections for search, rewritten with the service
    add column free                    boolean,
    add column setting                 varchar(20),
    add column need_codes              text[] not null default '{}',
    add column activity_codes          text[] not null default '{}',
    add column term_ids                text[] not null default '{}',
    add column taxonomy_ids            text[] not null default '{}',
    add column accessibility_features  text[] not null default '{}',
    add column eligibility_conditions  text[] not null default '{}',
    add column delivery_modes          text[] not null default '{}',
    add column language_codes          text[] not null default '{}',
    add column search_vector           tsvector;
alter table service alter column version set default 1;
create index service_search_vector on service using gin (search_vector);
create index service_term_ids on service using gin (term_ids);
create index service_taxonomy_ids on service using gin (taxonomy_ids);
create index service_last_modified on service (last_modified);
create index service_assured_date on service (assured_date);
create index service_name on service (name, id);

alter table attribute
    add column link_type varchar(50),
    add column value     varchar(1000);
alter table service_at_location add column description varchar(4000);
create index service_at_location_location on service_at_location (location_id);

-- HSDS schedule: iCalendar RRULE parts as HSDS names them
create table schedule (
    id                     varchar(100)  primary key,
    service_id             varchar(100)  not null references service (id) on delete cascade,
    service_at_location_id varchar(100),
    valid_from             date,
    valid_to               date,
    dtstart                date,
    until                  date,
    count                  integer,
    wkst                   varchar(2),
    freq                   varchar(10),
    interval               integer,
    byday                  varchar(100),
    bymonthday             varchar(100),
    description            varchar(4000),
    opens_at               varchar(20),
    closes_at              varchar(20),
    schedule_link          varchar(500),
    attending_type         varchar(255),
    notes                  varchar(4000)
);
create index schedule_service on schedule (service_id);

-- the weekly sessions the schedules yield, for "open on a day at a time"
create table service_session (
    service_id varchar(100) not null references service (id) on delete cascade,
    day        varchar(3)   not null,
    opens      time,
    closes     time,
    valid_from date,
    valid_to   date
);
create index service_session_service on service_session (service_id);
create index service_session_day on service_session (day, opens, closes);

create table cost_option (
    id                 varchar(100)  primary key,
    service_id         varchar(100)  not null references service (id) on delete cascade,
    valid_from         date,
    valid_to           date,
    option             varchar(255),
    currency           varchar(3),
    amount             numeric(12, 2),
    amount_description varchar(1000)
);
create index cost_option_service on cost_option (service_id);

create table language (
    id         varchar(100)  primary key,
    service_id varchar(100)  not null references service (id) on delete cascade,
    name       varchar(100),
    code       varchar(35),
    note       varchar(1000)
);
create index language_service on language (service_id);

create table service_area (
    id          varchar(100)  primary key,
    service_id  varchar(100)  not null references service (id) on delete cascade,
    name        varchar(255),
    description varchar(4000),
    extent      text,
    extent_type varchar(20),
    uri         varchar(500)
);
create index service_area_service on service_area (service_id);

create table contact (
    id         varchar(100) primary key,
    service_id varchar(100) not null references service (id) on delete cascade,
    name       varchar(255),
    title      varchar(255),
    department varchar(255),
    email      varchar(254)
);
create index contact_service on contact (service_id);

create table phone (
    id          varchar(100)  primary key,
    service_id  varchar(100)  not null references service (id) on delete cascade,
    contact_id  varchar(100)  references contact (id) on delete cascade,
    number      varchar(50)   not null,
    extension   varchar(20),
    type        varchar(20),
    description varchar(1000)
);
create index phone_service on phone (service_id);

-- places held by accepted activity referrals, so each is taken once and released once
create table place_claim (
    activity_referral_id varchar(100) primary key,
    service_id           varchar(100) not null,
    taken                boolean      not null,
    updated_at           timestamptz  not null
);

-- one reminder per lapse: a row per service, for the assured_date it was raised about
create table review_reminder (
    service_id   varchar(100) primary key references service (id) on delete cascade,
    assured_date date,
    raised_at    timestamptz  not null
);

create table import_run (
    id          uuid         primary key,
    source      varchar(500) not null,
    format      varchar(20)  not null,
    started_at  timestamptz  not null,
    finished_at timestamptz,
    created     integer      not null default 0,
    updated     integer      not null default 0,
    unchanged   integer      not null default 0,
    rejected    integer      not null default 0,
    rejections  text
);

-- services published before this migration get their search projection now; their next change rewrites it
update service s set
    need_codes = coalesce((select array_agg(t.code order by t.code) from attribute a join taxonomy_term t on t.id = a.taxonomy_term_id
                           where a.service_id = s.id), '{}'),
    term_ids = coalesce((select array_agg(a.taxonomy_term_id order by a.taxonomy_term_id) from attribute a where a.service_id = s.id), '{}'),
    taxonomy_ids = case when exists (select 1 from attribute a where a.service_id = s.id) then array['linkwork-needs'] else '{}' end,
    delivery_modes = coalesce((select array_agg(distinct case l.location_type when 'virtual' then 'online' else 'in-person' end)
                               from service_at_location sal join location l on l.id = sal.location_id
                               where sal.service_id = s.id and l.location_type <> 'postal'), '{}'),
    search_vector = setweight(to_tsvector('english', s.name), 'A') || setweight(to_tsvector('english', coalesce(s.description, '')), 'B');
