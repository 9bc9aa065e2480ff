package org.linkwork.platform.testing;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A fresh PostgreSQL database for a test run: from the PostgreSQL that answers on
 * {@code LINKWORK_TEST_PG_HOST:LINKWORK_TEST_PG_PORT} (default 127.0.0.1:5432), else from a
 * Testcontainers PostgreSQL where Docker runs, else a clear failure naming both ways.
 */
public final class TestPostgres {

    private static final String HOST = env("LINKWORK_TEST_PG_HOST", "127.0.0.1");
    private static final int PORT = Integer.parseInt(env("LINKWORK_TEST_PG_PORT", "5432"));
    private static final String USER = env("LINKWORK_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("LINKWORK_TEST_PG_PASSWORD", "");

    private TestPostgres() {
    }

    /** Drops and recreates {@code name}; returns the datasource configuration for it. */
    public static Map<String, String> freshDatabase(String name) {
        if (answers(HOST, PORT)) {
            String base = "jdbc:postgresql://" + HOST + ":" + PORT + "/";
            try (Connection c = DriverManager.getConnection(base + "postgres", USER, PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
                s.execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL answers on " + HOST + ":" + PORT + " but the test database "
                        + name + " could not be created as user " + USER + " (set LINKWORK_TEST_PG_USER/PASSWORD)", e);
            }
            return Map.of("quarkus.datasource.jdbc.url", base + name,
                    "quarkus.datasource.username", USER,
                    "quarkus.datasource.password", PASSWORD);
        }
        if (dockerAvailable()) {
            return Containerised.start(name);
        }
        throw new IllegalStateException("The tests need PostgreSQL: none answers on " + HOST + ":" + PORT
                + " (start the local one, e.g. pg_ctlcluster 15 main start, or set LINKWORK_TEST_PG_HOST/PORT),"
                + " and no Docker engine is available for a Testcontainers PostgreSQL.");
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Kept apart so the Testcontainers classes load only when Docker is there. */
    private static final class Containerised {
        static Map<String, String> start(String name) {
            var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:15-alpine").withDatabaseName(name);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return Map.of("quarkus.datasource.jdbc.url", container.getJdbcUrl(),
                    "quarkus.datasource.username", container.getUsername(),
                    "quarkus.datasource.password", container.getPassword());
        }
    }
}
