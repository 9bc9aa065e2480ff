package org.linkwork.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.linkwork.notification.testing.NotificationTestResources;

/**
 * V3 on a database that already holds notices: organisation notices are backfilled with the role
 * of their rule's audience (as {@code recipient_kind} recorded it), users' stay without one, and a
 * notice is unique per event and recipient, the role included. Run in a scratch schema of its own.
 */
@QuarkusTest
@WithTestResource(NotificationTestResources.class)
class RoleMigrationTest {

    @Inject
    AgroalDataSource dataSource;

    private Flyway flyway(String schema, String target) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations("classpath:db/platform", "classpath:db/migration").target(target).load();
    }

    @Test
    void existingOrganisationNoticesGoToTheirRulesAudience() throws SQLException {
        String schema = "v3_backfill_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            flyway(schema, "2").migrate();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("""
                        insert into %s.notification (id, source_event_id, recipient_type, recipient, recipient_kind, title, body, created_at)
                        values (gen_random_uuid(), 'e1', 'organisation', 'Y90001', 'referrer', 't', 'b', now()),
                               (gen_random_uuid(), 'e2', 'organisation', 'org-leeds-walking', 'provider', 't', 'b', now()),
                               (gen_random_uuid(), 'e1', 'user', 'lw.demo', 'link-worker', 't', 'b', now())""".formatted(schema));
            }
            flyway(schema, "latest").migrate();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery(
                        "select source_event_id, recipient_type, recipient, recipient_role from " + schema + ".notification order by source_event_id, recipient")) {
                    while (r.next()) {
                        rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4));
                    }
                }
                assertThat(rows).containsExactly("e1 organisation Y90001 referrer", "e1 user lw.demo null",
                        "e2 organisation org-leeds-walking provider");

                // the same event for the same user twice is still refused; the referrers and providers of one organisation are two recipients
                assertThatThrownBy(() -> s.execute("""
                        insert into %s.notification (id, source_event_id, recipient_type, recipient, recipient_kind, title, body, created_at)
                        values (gen_random_uuid(), 'e1', 'user', 'lw.demo', 'link-worker', 't', 'b', now())""".formatted(schema))).isInstanceOf(SQLException.class);
                s.execute("""
                        insert into %s.notification (id, source_event_id, recipient_type, recipient, recipient_role, recipient_kind, title, body,
                                                  created_at)
                        values (gen_random_uuid(), 'e1', 'organisation', 'Y90001', 'provider', 'provider', 't', 'b', now())""".formatted(schema));
                // an organisation's notice needs a role it can be addressed to
                assertThatThrownBy(() -> s.execute("""
                        insert into %s.notification (id, source_event_id, recipient_type, recipient, recipient_kind, title, body, created_at)
                        values (gen_random_uuid(), 'e3', 'organisation', 'Y90001', 'referrer', 't', 'b', now())""".formatted(schema))).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> s.execute("""
                        insert into %s.notification (id, source_event_id, recipient_type, recipient, recipient_role, recipient_kind, title, body,
                                                  created_at)
                        values (gen_random_uuid(), 'e3', 'organisation', 'Y90001', 'link-worker', 'link-worker', 't', 'b', now())""".formatted(schema)))
                        .isInstanceOf(SQLException.class);
            }
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }
}
