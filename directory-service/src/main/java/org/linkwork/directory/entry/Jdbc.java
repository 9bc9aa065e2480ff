package org.linkwork.directory.entry;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Small JDBC conveniences for nullable values and text arrays. */
public final class Jdbc {

    private Jdbc() {
    }

    /** A database failure, without the driver's message (it can quote the data). */
    public static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("database operation failed (SQLState " + e.getSQLState() + ")", e);
    }

    public static void set(PreparedStatement ps, int i, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.NULL);
        } else if (value instanceof String s) {
            ps.setString(i, s);
        } else if (value instanceof Integer n) {
            ps.setInt(i, n);
        } else if (value instanceof Long n) {
            ps.setLong(i, n);
        } else if (value instanceof Double d) {
            ps.setDouble(i, d);
        } else if (value instanceof BigDecimal d) {
            ps.setBigDecimal(i, d);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(i, b);
        } else if (value instanceof LocalDate d) {
            ps.setDate(i, Date.valueOf(d));
        } else if (value instanceof Instant t) {
            ps.setTimestamp(i, Timestamp.from(t));
        } else if (value instanceof java.time.LocalTime t) {
            ps.setObject(i, t);
        } else {
            throw new IllegalArgumentException("unsupported parameter type " + value.getClass());
        }
    }

    public static void setAll(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            set(ps, i + 1, values[i]);
        }
    }

    public static Array textArray(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray(String[]::new));
    }

    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static Double decimal(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }
}
