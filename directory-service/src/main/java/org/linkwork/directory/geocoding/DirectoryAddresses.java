package org.linkwork.directory.geocoding;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.linkwork.directory.entry.Jdbc;

/** The postcodes of addresses already in the directory, placed where their locations are. */
final class DirectoryAddresses implements PostcodeSource {

    private final AgroalDataSource dataSource;

    DirectoryAddresses(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Position> locate(String postcode) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select avg(latitude), avg(longitude), count(*) from location
                        where postal_code = ? and latitude is not null and longitude is not null""")) {
            ps.setString(1, postcode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(3) > 0 ? Optional.of(new Position(rs.getDouble(1), rs.getDouble(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    @Override
    public String name() {
        return "directory addresses";
    }
}
