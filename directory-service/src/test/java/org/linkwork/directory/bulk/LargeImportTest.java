package org.linkwork.directory.bulk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.linkwork.directory.generator.DirectoryGenerator;
import org.linkwork.platform.testing.LinkworkTestResources;

/**
 * A generated package of 100,000 services imports as a stream, in batches, and a rerun changes
 * nothing. Runs in its own application (and database); the outbox relay is off here, so the test
 * checks that every service's snapshot event is recorded without sending 100,000 records to the
 * test broker that the other tests read.
 */
@QuarkusTest
@TestProfile(LargeImportTest.Profile.class)
@WithTestResource(LinkworkTestResources.class)
class LargeImportTest {

    private static final Logger LOG = Logger.getLogger(LargeImportTest.class);
    /** 100,000 as the issue asks; a smaller number only to investigate locally. */
    static final int SERVICES = Integer.getInteger("linkwork.test.large-import.services", 100_000);

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linkwork.outbox.enabled", "false", "linkwork.directory.review.enabled", "false");
        }
    }

    @Inject
    Imports imports;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aHundredThousandServicePackageImportsAndARerunChangesNothing() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "package-100k");
        DirectoryGenerator.write(folder, SERVICES, 42);

        long started = System.nanoTime();
        ImportReport first = imports.folderPackage(folder);
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.infof("Imported %d services in %.1f s (%.0f services/s); heap in use %d MB", first.created(), seconds, first.created() / seconds,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        assertThat(first.rejected()).as(first.rejections().toString()).isZero();
        assertThat(first.created()).isEqualTo(SERVICES);
        assertThat(count("select count(*) from service")).isEqualTo(SERVICES);
        assertThat(count("select count(*) from schedule")).isEqualTo(SERVICES);
        assertThat(count("select count(*) from outbox_event where topic = 'directory-service-changed'")).isEqualTo(SERVICES);
        assertThat(count("select count(*) from pg_tables where tablename ~ '^import_[0-9a-f]{12}_'")).isZero();

        long rerunStarted = System.nanoTime();
        ImportReport rerun = imports.folderPackage(folder);
        LOG.infof("Re-imported the same package in %.1f s", (System.nanoTime() - rerunStarted) / 1e9);
        assertThat(rerun.unchanged()).isEqualTo(SERVICES);
        assertThat(rerun.created() + rerun.updated()).isZero();
        assertThat(count("select count(*) from outbox_event where topic = 'directory-service-changed'")).isEqualTo(SERVICES);

        given().get("/services?search=walk&per_page=5").then().statusCode(200);
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
