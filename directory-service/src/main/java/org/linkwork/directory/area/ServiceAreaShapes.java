package org.linkwork.directory.area;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.linkwork.directory.entry.Jdbc;

/**
 * Gives GeoJSON service areas stored before migration V5 their shapes, once, at start (every write
 * since writes them with the service). An extent that was stored as GeoJSON but cannot be read
 * becomes descriptive ({@code extent_type} text, the extent kept), as the rules would not let it in
 * now and a stored service must keep passing them.
 */
@ApplicationScoped
public class ServiceAreaShapes {

    private static final Logger LOG = Logger.getLogger(ServiceAreaShapes.class);

    final AgroalDataSource dataSource;

    ServiceAreaShapes(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::backfill);
    }

    private record Area(String id, String serviceId, String extent) {
    }

    void backfill() {
        try (Connection c = dataSource.getConnection()) {
            List<Area> areas = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select a.id, a.service_id, a.extent from service_area a where a.extent_type = ?
                    and not exists (select 1 from service_area_shape s where s.service_area_id = a.id)""")) {
                ps.setString(1, GeoJsonExtent.TYPE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        areas.add(new Area(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            if (areas.isEmpty()) {
                return;
            }
            List<String> unreadable = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into service_area_shape (service_id, service_area_id, shape, holes) values (?, ?, ?::polygon, ?::polygon[])")) {
                for (Area a : areas) {
                    try {
                        for (GeoJsonExtent.Polygon p : GeoJsonExtent.polygons(a.extent())) {
                            Jdbc.setAll(ps, a.serviceId(), a.id(), GeoJsonExtent.pgPolygon(p.outer()), GeoJsonExtent.pgPolygons(p.holes()));
                            ps.addBatch();
                        }
                    } catch (GeoJsonExtent.Invalid e) {
                        unreadable.add(a.id());
                    }
                }
                ps.executeBatch();
            }
            if (!unreadable.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("update service_area set extent_type = 'text' where id = any(?)")) {
                    ps.setArray(1, Jdbc.textArray(c, unreadable));
                    ps.executeUpdate();
                }
            }
            LOG.infof("Service areas stored before shapes were kept: %d given shapes, %d unreadable GeoJSON extents made descriptive",
                    areas.size() - unreadable.size(), unreadable.size());
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }
}
