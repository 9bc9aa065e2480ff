package org.linkwork.outcomes.journey;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Set;
import org.postgresql.PGConnection;

/**
 * The {@code referral_journey} table: the journey as jsonb plus the columns the KPI filters use.
 * Plain JDBC, so the rebuild and its benchmark write through the same code.
 */
public final class JourneyTable {

    /** The filter columns, in the order {@link #row} writes them. */
    static final String COLUMNS = "referral_id, person_ref, practice, source, postcode_district, age_band, sex, ethnicity_group,"
            + " deprivation_decile, received_at, status, team_id, providers, activity_types, journey, updated_at";

    private JourneyTable() {
    }

    /** Empties the table and bulk-loads the journeys with COPY, in the caller's transaction. */
    public static void replaceAll(Connection connection, Collection<ReferralJourney> journeys) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("truncate referral_journey");
        }
        StringBuilder csv = new StringBuilder();
        String loadedAt = java.time.Instant.now().toString();
        int rows = 0;
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try {
            for (ReferralJourney j : journeys) {
                row(csv, j, loadedAt);
                if (++rows % 20_000 == 0) {
                    copy.copyIn("copy referral_journey (" + COLUMNS + ") from stdin with (format csv)", new StringReader(csv.toString()));
                    csv.setLength(0);
                }
            }
            if (!csv.isEmpty()) {
                copy.copyIn("copy referral_journey (" + COLUMNS + ") from stdin with (format csv)", new StringReader(csv.toString()));
            }
        } catch (IOException e) {
            throw new SQLException("COPY into referral_journey failed", e);
        }
    }

    private static void row(StringBuilder csv, ReferralJourney j, String loadedAt) {
        field(csv, j.referralId).append(',');
        field(csv, j.personRef).append(',');
        field(csv, j.practice).append(',');
        field(csv, j.source).append(',');
        field(csv, j.postcodeDistrict).append(',');
        field(csv, j.ageBand).append(',');
        field(csv, j.sex).append(',');
        field(csv, j.ethnicityGroup).append(',');
        field(csv, j.deprivationDecile == null ? null : j.deprivationDecile.toString()).append(',');
        field(csv, j.receivedAt == null ? null : j.receivedAt.toString()).append(',');
        field(csv, j.status).append(',');
        field(csv, j.teamId).append(',');
        field(csv, array(j.providers())).append(',');
        field(csv, array(j.activityTypes())).append(',');
        field(csv, JourneyJson.write(j)).append(',');
        csv.append(loadedAt).append('\n');
    }

    private static StringBuilder field(StringBuilder csv, String value) {
        if (value == null) {
            return csv; // an empty unquoted CSV field is NULL
        }
        return csv.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    /** A PostgreSQL text[] literal; every element quoted, so commas and braces in ids stay inside. */
    public static String array(Set<String> values) {
        StringBuilder sb = new StringBuilder("{");
        for (String v : values) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }
}
