package org.linkwork.platform.database;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Makes a service's database ready before anything else runs: creates the PostgreSQL database on
 * first start if it is missing, then applies the Flyway migrations. It observes start-up ahead of
 * the Kafka consumers and the outbox relay, which both need the schema.
 */
@Singleton
public class DatabaseBootstrap {

    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);
    private static final Pattern JDBC_URL = Pattern.compile("^jdbc:postgresql://([^/]+)/([A-Za-z0-9_]+)(\\?.*)?$");

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** Create the database when it does not exist (needs a role allowed to CREATE DATABASE). */
    @ConfigProperty(name = "linkwork.database.create-if-missing", defaultValue = "true")
    boolean createIfMissing;

    @ConfigProperty(name = "linkwork.database.migrate-at-start", defaultValue = "true")
    boolean migrateAtStart;

    final Instance<Flyway> flyway;

    DatabaseBootstrap(Instance<Flyway> flyway) {
        this.flyway = flyway;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (createIfMissing) {
            createDatabaseIfMissing(jdbcUrl);
        }
        if (migrateAtStart) {
            flyway.get().migrate();
        }
    }

    /** Creates the database a JDBC URL names, through the server's {@code postgres} database, unless it exists. */
    public void createDatabaseIfMissing(String jdbcUrl) {
        Matcher m = JDBC_URL.matcher(jdbcUrl);
        if (!m.matches()) {
            LOG.warnf("Not creating the database: the JDBC URL is not of the form jdbc:postgresql://host/name");
            return;
        }
        String database = m.group(2);
        String maintenanceUrl = "jdbc:postgresql://" + m.group(1) + "/postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = DriverManager.getConnection(maintenanceUrl, username, password.orElse(null));
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                // the name was checked against [A-Za-z0-9_]+ above, so it is safe to inline
                create.execute("create database " + database);
                LOG.infof("Created database %s", database);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // duplicate_database: another instance won the race
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + m.group(1) + " could not be reached or the database "
                    + database + " could not be created (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
