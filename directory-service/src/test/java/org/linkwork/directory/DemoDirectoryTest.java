package org.linkwork.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linkwork.platform.testing.LinkworkTestResources;

/** The demo directory `./linkwork up` seeds is valid for this API, and seeding it again changes nothing. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class DemoDirectoryTest {

    @Test
    void everyDemoServicePublishesAndRepublishesUnchanged() throws IOException {
        Path folder = Path.of(System.getProperty("user.dir")).resolve("../deploy/demo/services").normalize();
        List<Path> files;
        try (var list = Files.list(folder)) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : files) {
            String body = Files.readString(file);
            String id = body.replaceAll("(?s)^\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\".*$", "$1");
            String etag = given().get("/services/" + id).then().extract().header("ETag");
            var first = given().header("Authorization", Fixtures.ADMIN).contentType("application/json").body(body);
            if (etag != null) {
                first.header("If-Match", etag);
            }
            String version = first.put("/services/" + id).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().header("ETag");
            // what the seeding does on the next `./linkwork up`: read the ETag, put the same file
            given().header("Authorization", Fixtures.ADMIN).header("If-Match", version).contentType("application/json").body(body)
                    .put("/services/" + id).then().statusCode(200).header("ETag", version);
            given().get("/services/" + id).then().statusCode(200).body("schedules.size()", org.hamcrest.Matchers.greaterThan(0))
                    .body("cost_options.size()", org.hamcrest.Matchers.greaterThan(0));
        }
    }
}
