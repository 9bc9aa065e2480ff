-- Service areas whose extent is GeoJSON, as shapes a point can be tested against, so that a service
-- covering a place (a telephone or home-visit service for a borough) is found by postcode even with
-- no location near it. PostgreSQL's own polygon type (no PostGIS): longitude as x, latitude as y,
-- planar, which is close enough at the scale of a borough. One row per polygon of an extent (a
-- MultiPolygon has several), its holes beside it; rewritten with every change of the service.
-- Services stored before this get theirs at start (ServiceAreaShapes).
create table service_area_shape (
    service_id      varchar(100) not null references service (id) on delete cascade,
    service_area_id varchar(100) not null,
    shape           polygon      not null,
    holes           polygon[]    not null default '{}'
);
create index service_area_shape_service on service_area_shape (service_id);
create index service_area_shape_area on service_area_shape (service_area_id);
create index service_area_shape_shape on service_area_shape using gist (shape);
