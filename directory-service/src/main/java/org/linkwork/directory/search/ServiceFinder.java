package org.linkwork.directory.search;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linkwork.directory.entry.Jdbc;
import org.linkwork.directory.geocoding.Position;

/**
 * Finds services in PostgreSQL: full-text search ranked with {@code ts_rank_cd} over the weighted
 * search vector (name, then description, then organisation, terms and places), distance by the
 * haversine formula after a bounding-box cut on the location index (0 for a service whose GeoJSON
 * service area covers the place, found on the area shapes' GiST index, holes left out), and the
 * facet columns the directory keeps for search. One statement returns the page and the total.
 */
@ApplicationScoped
public class ServiceFinder {

    /** A page of results: ids in order, with rank and distance where asked for. */
    public record Found(List<Hit> hits, long total) {
    }

    /**
     * @param distanceMetres to the nearest location, 0 when a service area covers the place searched
     * @param servedArea the name of the service area covering the place ("" when it has none), else null
     */
    public record Hit(String id, Double rank, Double distanceMetres, String servedArea) {
    }

    public enum Order { RELEVANCE, NAME }

    /** The PostgreSQL text search configuration of the search vector (set in migration V3). */
    static final String TEXT_CONFIG = "english";

    @ConfigProperty(name = "linkwork.directory.search.statement-timeout", defaultValue = "10s")
    java.time.Duration statementTimeout;

    final AgroalDataSource dataSource;

    ServiceFinder(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Found find(Criteria criteria, Order order, int page, int perPage) {
        Sql sql = build(criteria, order, page, perPage);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c)) {
            ps.setQueryTimeout((int) Math.max(1, statementTimeout.toSeconds()));
            List<Hit> hits = new ArrayList<>();
            long total = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hits.add(new Hit(rs.getString("id"), criteria.hasText() ? rs.getDouble("rank") : null,
                            criteria.near() == null ? null : Jdbc.decimal(rs, "distance_m"),
                            criteria.near() == null ? null : rs.getString("area_name")));
                    total = rs.getLong("total");
                }
            }
            if (hits.isEmpty() && page > 1) {
                total = count(c, criteria);
            }
            return new Found(hits, total);
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    private long count(Connection c, Criteria criteria) throws SQLException {
        Sql sql = build(criteria, Order.NAME, 1, 1);
        String counting = "select count(*) from (" + sql.text().replace(" limit ? offset ?", "") + ") x";
        try (PreparedStatement ps = new Sql(counting, sql.params().subList(0, sql.params().size() - 2)).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The statement and its parameters; public so the benchmark runs exactly what the API runs. */
    public record Sql(String text, List<Object> params) {

        /** The statement prepared on the connection with its parameters bound (a list as a text array). */
        public PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement ps = c.prepareStatement(text);
            try {
                for (int i = 0; i < params.size(); i++) {
                    Object p = params.get(i);
                    if (p instanceof List<?> list) {
                        ps.setArray(i + 1, c.createArrayOf("text", list.toArray()));
                    } else {
                        Jdbc.set(ps, i + 1, p);
                    }
                }
                return ps;
            } catch (SQLException | RuntimeException e) {
                ps.close();
                throw e;
            }
        }
    }

    public static Sql build(Criteria q, Order order, int page, int perPage) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        Position at = q.near() == null ? null : q.near().position();
        if (at != null) {
            // reach: how far each service is, from its nearest location or 0 inside one of its service areas
            sql.append("with near as (select sal.service_id, min(").append(haversine()).append(") as distance_m ")
                    .append("from location l join service_at_location sal on sal.location_id = l.id ")
                    .append("where l.latitude is not null and l.longitude is not null");
            params.add(at.latitude());
            params.add(at.latitude());
            params.add(at.longitude());
            if (q.within() != null) {
                double dLat = Math.toDegrees(q.within() / Position.earthRadiusMetres());
                double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(at.latitude())));
                sql.append(" and l.latitude between ? and ? and l.longitude between ? and ?");
                params.add(at.latitude() - dLat);
                params.add(at.latitude() + dLat);
                params.add(at.longitude() - dLon);
                params.add(at.longitude() + dLon);
            }
            sql.append(" group by sal.service_id), ");
            sql.append("served as (select a.service_id, min(coalesce(sa.name, '')) as area_name from service_area_shape a ")
                    .append("join service_area sa on sa.id = a.service_area_id where a.shape @> ").append(SPOT)
                    .append(" and not exists (select 1 from unnest(a.holes) hole where hole @> ").append(SPOT)
                    .append(") group by a.service_id), ");
            for (int i = 0; i < 2; i++) {
                params.add(at.longitude());
                params.add(at.latitude());
                params.add(at.longitude());
                params.add(at.latitude());
            }
            sql.append("reach as (select coalesce(near.service_id, served.service_id) as service_id, ")
                    .append("case when served.service_id is null then near.distance_m else 0 end as distance_m, served.area_name ")
                    .append("from near full join served on served.service_id = near.service_id) ");
        }
        sql.append("select s.id");
        if (q.hasText()) {
            sql.append(", ts_rank_cd(s.search_vector, websearch_to_tsquery('" + TEXT_CONFIG + "', ?)) as rank");
            params.add(q.text());
        }
        if (at != null) {
            sql.append(", reach.distance_m, reach.area_name");
        }
        sql.append(", count(*) over () as total from service s");
        if (at != null) {
            boolean mustBeNear = q.within() != null && !q.remoteOk();
            sql.append(mustBeNear ? " join" : " left join").append(" reach on reach.service_id = s.id");
        }
        sql.append(" where true");
        if (at != null && q.within() != null) {
            if (q.remoteOk()) {
                sql.append(" and (reach.distance_m <= ? or s.delivery_modes && array['online','telephone'])");
            } else {
                sql.append(" and reach.distance_m <= ?");
            }
            params.add(q.within().doubleValue());
        }
        if (q.hasText()) {
            sql.append(" and s.search_vector @@ websearch_to_tsquery('" + TEXT_CONFIG + "', ?)");
            params.add(q.text());
        }
        if (!q.termIds().isEmpty()) {
            sql.append(" and s.term_ids && ?::text[]");
            params.add(q.termIds());
        }
        if (q.taxonomyId() != null) {
            sql.append(" and ? = any(s.taxonomy_ids)");
            params.add(q.taxonomyId());
        }
        if (q.organizationId() != null) {
            sql.append(" and s.organization_id = ?");
            params.add(q.organizationId());
        }
        if (q.modifiedAfter() != null) {
            sql.append(" and s.last_modified >= ?");
            params.add(q.modifiedAfter());
        }
        if (q.activeOnly()) {
            sql.append(" and s.status = 'active'");
        }
        if (q.freeOnly()) {
            sql.append(" and s.free is true");
        }
        if (q.forAge() != null) {
            sql.append(" and (s.minimum_age is null or s.minimum_age <= ?) and (s.maximum_age is null or s.maximum_age >= ?)");
            params.add(q.forAge());
            params.add(q.forAge());
        }
        if (q.agesFrom() != null) {
            sql.append(" and (s.maximum_age is null or s.maximum_age >= ?)");
            params.add(q.agesFrom());
        }
        if (q.agesTo() != null) {
            sql.append(" and (s.minimum_age is null or s.minimum_age <= ?)");
            params.add(q.agesTo());
        }
        if (!q.features().isEmpty()) {
            sql.append(" and s.accessibility_features @> ?::text[]");
            params.add(q.features());
        }
        if (!q.deliveryModes().isEmpty()) {
            sql.append(" and s.delivery_modes && ?::text[]");
            params.add(q.deliveryModes());
        }
        if (q.placesAvailable()) {
            sql.append(" and (s.places_available is null or s.places_available > 0)");
        }
        if (q.day() != null || q.windowStart() != null || q.windowEnd() != null) {
            sql.append(" and exists (select 1 from service_session ss where ss.service_id = s.id")
                    .append(" and (ss.valid_from is null or ss.valid_from <= current_date)")
                    .append(" and (ss.valid_to is null or ss.valid_to >= current_date)");
            if (q.day() != null) {
                sql.append(" and ss.day = ?");
                params.add(q.day());
            }
            if (q.opensAt() != null) {
                sql.append(" and ss.opens <= ? and ss.closes > ?");
                params.add(q.opensAt());
                params.add(q.opensAt());
            }
            if (q.windowStart() != null) {
                sql.append(" and ss.closes > ?");
                params.add(q.windowStart());
            }
            if (q.windowEnd() != null) {
                sql.append(" and ss.opens < ?");
                params.add(q.windowEnd());
            }
            sql.append(")");
        }
        sql.append(" order by ");
        if (order == Order.RELEVANCE && q.hasText()) {
            sql.append("rank desc, ");
        }
        if (order == Order.RELEVANCE && at != null) {
            sql.append("reach.distance_m asc nulls last, ");
        }
        sql.append("s.name, s.id limit ? offset ?");
        params.add(perPage);
        params.add((page - 1) * perPage);
        return new Sql(sql.toString(), params);
    }

    /**
     * The place searched as a polygon of one point (longitude, latitude), since PostgreSQL's GiST index
     * answers polygon-contains-polygon, not polygon-contains-point.
     */
    private static final String SPOT = "polygon(box(point(?, ?), point(?, ?)))";

    private static String haversine() {
        return "2 * " + Position.earthRadiusMetres() + " * asin(least(1, sqrt(power(sin(radians(l.latitude - ?) / 2), 2)"
                + " + cos(radians(?)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - ?) / 2), 2))))";
    }
}
