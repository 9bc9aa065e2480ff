package org.linkwork.directory.bulk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.linkwork.directory.Fixtures;
import org.linkwork.directory.generator.DirectoryGenerator;
import org.linkwork.directory.taxonomy.LinkworkTaxonomy;
import org.linkwork.platform.testing.LinkworkTestResources;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class ImportExportTest {

    @Test
    void aJsonListLandsItsValidServicesReportsTheRestAndARerunChangesNothing() {
        String org = "org-" + Fixtures.uuid();
        String good = Fixtures.uuid();
        String bad = Fixtures.uuid();
        String list = "[" + Fixtures.richWalk(good, org, 53.8, -1.55, "LS2 7AB", "\"funding\":[{\"source\":\"lottery\"}],") + ","
                + Fixtures.richWalk(bad, org, 53.8, -1.55, "LS2 7AB", "").replace("\"status\":\"active\"", "\"status\":\"asleep\"") + ","
                + Fixtures.richWalk(bad + "b", org, 53.8, -1.55, "LS2 7AB", "").replace("\"code\":\"walking-group\"", "\"code\":\"skydiving\"")
                + "]";
        JsonPath first = importJson(list);
        assertThat(first.getInt("created")).isEqualTo(1);
        assertThat(first.getInt("rejected")).isEqualTo(2);
        assertThat(first.getList("rejections.id", String.class)).containsExactlyInAnyOrder(bad, bad + "b");
        assertThat(first.getList("rejections.field", String.class)).containsExactlyInAnyOrder("status", "attributes[0].taxonomy_term.code");
        given().get("/services/" + good).then().statusCode(200).body("schedules[0].byday", equalTo("TU,TH"));
        given().get("/services/" + bad).then().statusCode(404);

        JsonPath again = importJson(list);
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("updated")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(1);
        given().get("/services/" + good).then().header("ETag", "\"1\"");
        given().header("Authorization", Fixtures.ADMIN).get("/imports/" + again.getString("id")).then().statusCode(200)
                .body("unchanged", equalTo(1)).body("rejections.size()", equalTo(2));
    }

    @Test
    void aCsvPackageLandsValidRowsAndReportsEachRejectedRowWithItsReason() throws IOException {
        Path folder = Files.createTempDirectory("package");
        DirectoryGenerator.write(folder, 40, 7);
        // break some rows (row n is line n after the header): a service without a name, a schedule with a bad day, a language for a service not in the package
        replaceLine(folder.resolve("services.csv"), 3, line -> line.replaceFirst("^([^,]*,[^,]*,)\"[^\"]*\",", "$1,"));
        replaceLine(folder.resolve("schedules.csv"), 2, line -> line.replaceFirst(",(WEEKLY|MONTHLY),1,[^,]*,", ",$1,1,XX,"));
        Files.writeString(folder.resolve("languages.csv"), "orphan-language,no-such-service,Welsh,cy\n", StandardOpenOption.APPEND);
        byte[] zip = zip(folder);

        JsonPath report = given().header("Authorization", Fixtures.ADMIN).contentType("application/zip").body(zip).post("/imports")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("created")).as(report.prettify()).isEqualTo(39);
        assertThat(report.getList("rejections", Map.class)).extracting(r -> r.get("file") + "#" + r.get("row") + ":" + r.get("field"))
                .contains("services.csv#3:name", "schedules.csv#2:byday", "languages.csv#" + (lines(folder.resolve("languages.csv")) - 1) + ":service_id");
        // the service whose schedule row was bad still landed, without that schedule
        String serviceOfBadSchedule = Files.readAllLines(folder.resolve("schedules.csv")).get(2).split(",")[1];
        given().get("/services/" + serviceOfBadSchedule).then().statusCode(200).body("$", not(hasKey("schedules")))
                .body("cost_options.size()", equalTo(1));

        JsonPath rerun = given().header("Authorization", Fixtures.ADMIN).contentType("application/zip").body(zip).post("/imports")
                .then().statusCode(200).extract().jsonPath();
        assertThat(rerun.getInt("created") + rerun.getInt("updated")).isZero();
        assertThat(rerun.getInt("unchanged")).isEqualTo(39);
    }

    @Test
    void aPackageExportedWithTheReadableTermIdsOfBeforeStillImports() throws IOException {
        Path folder = Files.createTempDirectory("package-before-uuids");
        DirectoryGenerator.write(folder, 5, 11);
        // attributes named Linkwork terms linkwork-<taxonomy>:<code>, and the package listed those taxonomies and terms
        String attributes = Files.readString(folder.resolve("attributes.csv"));
        JsonPath terms = given().queryParam("per_page", 500).get("/taxonomy_terms").then().statusCode(200).extract().jsonPath();
        for (Map<String, String> term : terms.<Map<String, String>>getList("contents")) {
            LinkworkTaxonomy taxonomy = LinkworkTaxonomy.byId(term.get("taxonomy_id")).orElse(null);
            if (taxonomy != null) {
                attributes = attributes.replace(term.get("id"), taxonomy.legacyId() + ":" + term.get("code"));
            }
        }
        assertThat(attributes).doesNotContain(LinkworkTaxonomy.NEEDS.termId("loneliness")).contains("linkwork-needs:");
        Files.writeString(folder.resolve("attributes.csv"), attributes);
        Files.writeString(folder.resolve("taxonomies.csv"), "id,name,description,uri\nlinkwork-needs,Renamed,Old,urn:linkwork:need\n");
        Files.writeString(folder.resolve("taxonomy_terms.csv"), "id,code,name,description,taxonomy,taxonomy_id\n"
                + "linkwork-needs:loneliness,loneliness,Renamed,Old,linkwork-needs,linkwork-needs\n");

        JsonPath report = given().header("Authorization", Fixtures.ADMIN).contentType("application/zip").body(zip(folder)).post("/imports")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("rejected")).as(report.prettify()).isZero();
        assertThat(report.getInt("created")).isEqualTo(5);
        String first = Files.readAllLines(folder.resolve("services.csv")).get(1).split(",")[0];
        given().get("/services/" + first).then().statusCode(200)
                .body("attributes.taxonomy_term.taxonomy_id", hasItem(LinkworkTaxonomy.ACTIVITIES.id()));
        given().get("/taxonomies/linkwork-needs").then().statusCode(404);
        given().get("/taxonomy_terms/" + LinkworkTaxonomy.NEEDS.termId("loneliness")).then().statusCode(200)
                .body("name", equalTo("Loneliness and isolation"));
    }

    @Test
    void theExportedPackageAndListImportBackUnchanged() throws IOException {
        String org = "org-" + Fixtures.uuid();
        String id = Fixtures.uuid();
        Fixtures.put(Fixtures.ADMIN, id, Fixtures.richWalk(id, org, 53.8, -1.55, "LS2 7AB", ""), 201);

        byte[] pkg = given().header("Authorization", Fixtures.ADMIN).get("/export/package.zip").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        assertThat(entries(pkg)).contains("services.csv", "schedules.csv", "cost_options.csv", "service_at_location.csv", "attributes.csv",
                "taxonomy_terms.csv", "service_capacity.csv", "datapackage.json");
        JsonPath report = given().header("Authorization", Fixtures.ADMIN).contentType("application/zip").body(pkg).post("/imports")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("rejected")).as(report.prettify()).isZero();
        assertThat(report.getInt("created") + report.getInt("updated")).as(report.prettify()).isZero();

        String json = given().header("Authorization", Fixtures.ADMIN).get("/export/services.json").then().statusCode(200).extract().asString();
        JsonPath again = importJson(json);
        assertThat(again.getInt("rejected")).as(again.prettify()).isZero();
        assertThat(again.getInt("created") + again.getInt("updated")).isZero();
        given().get("/services/" + id).then().header("ETag", "\"1\"");
    }

    @Test
    void aRemoteOrukFeedIsCrawledPageByPage() throws IOException {
        String org = "org-" + Fixtures.uuid();
        List<String> ids = List.of(Fixtures.uuid(), Fixtures.uuid(), Fixtures.uuid());
        HttpServer feed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feed.createContext("/oruk/services", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            int status = 200;
            if (path.equals("/oruk/services")) {
                int page = Integer.parseInt(exchange.getRequestURI().getQuery().replaceAll("^(?:.*&)?page=(\\d+).*$", "$1"));
                List<String> onPage = page == 1 ? ids.subList(0, 2) : page == 2 ? ids.subList(2, 3) : List.of();
                body = "{\"total_items\":3,\"total_pages\":2,\"page_number\":" + page + ",\"contents\":["
                        + String.join(",", onPage.stream().map(i -> "{\"id\":\"" + i + "\",\"name\":\"x\",\"status\":\"active\"}").toList())
                        + "]}";
            } else {
                String id = path.substring("/oruk/services/".length());
                body = id.equals(ids.get(2)) ? Fixtures.richWalk(id, org, 53.8, -1.55, "LS2 7AB", "").replace("\"name\":\"Riverside health walk\",", "")
                        : Fixtures.richWalk(id, org, 53.8, -1.55, "LS2 7AB", "\"program\":{\"name\":\"Walks\"},");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        feed.start();
        try {
            String url = "http://127.0.0.1:" + feed.getAddress().getPort() + "/oruk";
            JsonPath report = given().header("Authorization", Fixtures.ADMIN).contentType("application/json").body(Map.of("url", url))
                    .post("/imports/feed").then().statusCode(200).extract().jsonPath();
            assertThat(report.getInt("created")).isEqualTo(2);
            assertThat(report.getList("rejections.id", String.class)).containsExactly(ids.get(2));
            assertThat(report.getList("rejections.field", String.class)).containsExactly("name");
            given().get("/services/" + ids.get(0)).then().statusCode(200).body("organization.id", equalTo(org));
        } finally {
            feed.stop(0);
        }
        given().header("Authorization", Fixtures.ADMIN).contentType("application/json").body(Map.of("url", "file:///etc/passwd"))
                .post("/imports/feed").then().statusCode(400).body("errors.field", hasItem("url"));
    }

    private static JsonPath importJson(String list) {
        return given().header("Authorization", Fixtures.ADMIN).contentType("application/json").body(list).post("/imports")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void replaceLine(Path file, int index, java.util.function.UnaryOperator<String> change) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(index, change.apply(lines.get(index)));
        Files.write(file, lines);
    }

    private static long lines(Path file) throws IOException {
        return Files.readAllLines(file).size();
    }

    static byte[] zip(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                zip.putNextEntry(new ZipEntry("package/" + file.getFileName()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
