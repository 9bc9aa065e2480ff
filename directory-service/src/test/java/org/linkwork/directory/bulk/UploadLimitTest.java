package org.linkwork.directory.bulk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linkwork.directory.Fixtures;
import org.linkwork.directory.generator.DirectoryGenerator;
import org.linkwork.platform.testing.LinkworkTestResources;

/**
 * Import uploads have a limit of their own (8M in tests, 2G by default), far above the 256K of every
 * other body; over it they are refused as problem+json, whether the body declares its length or is
 * sent in chunks, and a refused upload lands nothing.
 */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class UploadLimitTest {

    static final long LIMIT = 8 * 1024 * 1024;
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aPackageOverTheStandardLimitImportsWithOrWithoutALength() throws Exception {
        Path folder = Files.createTempDirectory("package-2000");
        DirectoryGenerator.write(folder, 2000, 23);
        byte[] zip = ImportExportTest.zip(folder);
        assertThat(zip.length).as("more than the 256K every other body may have").isGreaterThan(256 * 1024);

        HttpResponse<String> declared = post("/imports", "application/zip", HttpRequest.BodyPublishers.ofByteArray(zip), false);
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
        assertThat(JSON.readTree(declared.body()).get("created").asInt()).isEqualTo(2000);

        HttpResponse<String> chunked = post("/imports", "application/zip",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(zip)), false);
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(200);
        assertThat(JSON.readTree(chunked.body()).get("unchanged").asInt()).isEqualTo(2000);
    }

    @Test
    void anUploadOverItsLimitIsRefusedAndLandsNothing() throws Exception {
        // a valid JSON list just over the limit
        List<String> ids = new ArrayList<>();
        StringBuilder list = new StringBuilder("[");
        String org = Fixtures.uuid();
        while (list.length() <= LIMIT) {
            String id = Fixtures.uuid();
            ids.add(id);
            list.append(ids.size() == 1 ? "" : ",").append(Fixtures.richWalk(id, org, 53.8, -1.55, "LS2 7AB", ""));
        }
        byte[] body = list.append("]").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> declared = post("/imports", "application/json", HttpRequest.BodyPublishers.ofByteArray(body), true);
        assertTooLarge(declared);
        assertThat(declared.body()).contains("The body has " + body.length + " bytes; the limit is " + LIMIT);

        HttpResponse<String> chunked = post("/imports", "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), true);
        assertTooLarge(chunked);
        assertThat(chunked.body()).contains("The body has more than " + LIMIT + " bytes; the limit is " + LIMIT);
        for (String id : List.of(ids.get(0), ids.get(ids.size() / 2), ids.get(ids.size() - 1))) {
            given().get("/services/" + id).then().statusCode(404);
        }
    }

    @Test
    void everyOtherRouteKeepsTheStandardLimitAlsoForBodiesWithoutALength() throws Exception {
        String id = Fixtures.uuid();
        byte[] big = Fixtures.richWalk(id, Fixtures.uuid(), 53.8, -1.55, "LS2 7AB", "\"alert\":\"" + "x".repeat(300 * 1024) + "\",")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri("/services/" + id)).header("Content-Type", "application/json")
                .expectContinue(true).PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        assertTooLarge(chunked);
        assertThat(chunked.body()).contains("the limit is 262144");
        HttpResponse<String> folder = post("/imports/folder", "application/json",
                HttpRequest.BodyPublishers.ofByteArray(("{\"path\":\"" + "x".repeat(300 * 1024) + "\"}").getBytes()), true);
        assertTooLarge(folder);
        given().get("/services/" + id).then().statusCode(404);
    }

    private static void assertTooLarge(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:linkwork:problem:payload-too-large");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("$");
    }

    /** @param waitForContinue send the body only when the service says so (Expect: 100-continue), as a client that may be refused should */
    private HttpResponse<String> post(String path, String type, HttpRequest.BodyPublisher body, boolean waitForContinue) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", type).expectContinue(waitForContinue).POST(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.header("Authorization", Fixtures.ADMIN).timeout(java.time.Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(root.toString()).resolve(path.substring(1));
    }
}
