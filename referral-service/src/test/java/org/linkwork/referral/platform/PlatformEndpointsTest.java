package org.linkwork.referral.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.linkwork.platform.database.DatabaseBootstrap;
import org.linkwork.platform.testing.LinkworkTestResources;

/** What every service offers operators: health, metrics, OpenAPI, and a database made on first start. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class PlatformEndpointsTest {

    @Inject
    DatabaseBootstrap bootstrap;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    java.util.Optional<String> password;

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("linkwork_outbox_relayed"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/referrals/{id}/assessment"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void aMissingDatabaseIsCreatedOnStart() throws Exception {
        String name = "linkwork_bootstrap_" + UUID.randomUUID().toString().substring(0, 8);
        String server = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1);
        try {
            bootstrap.createDatabaseIfMissing(server + name);
            bootstrap.createDatabaseIfMissing(server + name); // a second start finds it there
            try (Connection c = DriverManager.getConnection(server + "postgres", user, password.orElse(""));
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from pg_database where datname = '" + name + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(server + "postgres", user, password.orElse(""));
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name);
            }
        }
    }
}
