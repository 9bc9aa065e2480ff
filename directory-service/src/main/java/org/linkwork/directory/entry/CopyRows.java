package org.linkwork.directory.entry;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * Rows for one table, sent with PostgreSQL COPY rather than INSERT: several times faster for the
 * thousands of nested rows an import batch writes. Values are written as CSV, every non-null value
 * quoted, so that an empty string and a null stay apart.
 */
final class CopyRows {

    private final String table;
    private final String columns;
    private final StringBuilder csv = new StringBuilder(1 << 14);
    private int rows;

    CopyRows(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    void add(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object v = values[i];
            if (v != null) {
                csv.append('"').append(v.toString().replace("\"", "\"\"")).append('"');
            }
        }
        csv.append('\n');
        rows++;
    }

    void send(Connection c) throws SQLException {
        if (rows == 0) {
            return;
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (" + columns + ") from stdin with (format csv)",
                    new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("could not send rows to " + table, e);
        }
    }
}
