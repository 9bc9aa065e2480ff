package org.linkwork.directory.area;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.linkwork.directory.Fixtures;
import org.linkwork.platform.testing.LinkworkTestResources;

/**
 * Services found by postcode because their GeoJSON service area covers it, with no location near:
 * in West Cornwall, where no other test puts anything. Postcodes are placed by the addresses of a
 * service of another organisation ("anchors"), so each search here sees only these services.
 *
 * <pre>
 *   A  telephone befriending   Polygon "West Penwith" with a hole
 *   B  online advice           MultiPolygon: one square east, one inside A's hole
 *   C  home visits             a text area ("Cornwall"): descriptive, never a match by area
 *   D  coast walk              a physical place at TR7 1AA
 * </pre>
 */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceAreaSearchTest {

    static final String IN_A = "TR19 7AA";          // 50.18, -5.70
    static final String IN_A_HOLE = "TR18 5AA";     // 50.085, -5.55: in A's hole, in B's second polygon
    static final String IN_B = "TR12 6AA";          // 50.02, -5.10
    static final String NOWHERE = "TR7 1AA";        // 50.41, -5.08: D's place, no area

    static final String WEST_PENWITH = polygon(ring(-5.75, 49.98, -5.35, 50.22), ring(-5.60, 50.05, -5.50, 50.12));
    static final String TWO_SQUARES = "{\"type\":\"MultiPolygon\",\"coordinates\":[[" + ring(-5.20, 49.95, -5.00, 50.10) + "],["
            + ring(-5.62, 50.06, -5.48, 50.11) + "]]}";

    final String org = Fixtures.uuid();
    final String a = Fixtures.uuid();
    final String b = Fixtures.uuid();
    final String c = Fixtures.uuid();
    final String d = Fixtures.uuid();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ServiceAreaShapes shapes;

    private boolean published;

    /** Once per class; in @BeforeEach because RestAssured knows the test port only from there. */
    @BeforeEach
    void publish() {
        if (published) {
            return;
        }
        published = true;
        String anchor = Fixtures.uuid();
        StringBuilder places = new StringBuilder();
        Object[][] postcodes = {{IN_A, 50.18, -5.70}, {IN_A_HOLE, 50.085, -5.55}, {IN_B, 50.02, -5.10}, {NOWHERE, 50.41, -5.08}};
        for (Object[] p : postcodes) {
            places.append(places.isEmpty() ? "" : ",").append("""
                    {"location":{"id":"%s","location_type":"physical","name":"Marker","latitude":%s,"longitude":%s,
                      "addresses":[{"address_1":"Marker","city":"Penzance","state_province":"Cornwall","postal_code":"%s","country":"GB",
                      "address_type":"physical"}]}}""".formatted(Fixtures.uuid(), p[1], p[2], p[0]));
        }
        Fixtures.put(Fixtures.ADMIN, anchor, """
                {"id":"%s","name":"Postcode markers","status":"inactive","organization":{"id":"%s","name":"Markers","description":"Test places"},
                 "service_at_locations":[%s]}""".formatted(anchor, Fixtures.uuid(), places), 201);
        Fixtures.put(Fixtures.ADMIN, a, remote(a, "Cornish telephone befriending", "telephone", "West Penwith", "geojson", WEST_PENWITH), 201);
        Fixtures.put(Fixtures.ADMIN, b, remote(b, "Cornish online advice", "online", "Two parishes", "geojson", TWO_SQUARES), 201);
        Fixtures.put(Fixtures.ADMIN, c, remote(c, "Cornish home visits", "in-person", "Cornwall", "text", "Cornwall"), 201);
        Fixtures.put(Fixtures.ADMIN, d, """
                {"id":"%1$s","name":"Cornish coast walk","status":"active","organization":{"id":"%2$s","name":"Kernow Together","description":"Fictional"},
                 "service_at_locations":[{"location":{"id":"%3$s","location_type":"physical","name":"Harbour","latitude":50.415,"longitude":-5.08}}]}"""
                .formatted(d, org, Fixtures.uuid()), 201);
    }

    private String remote(String id, String name, String mode, String areaName, String extentType, String extent) {
        return """
                {"id":"%1$s","name":"%2$s","status":"active","organization":{"id":"%3$s","name":"Kernow Together","description":"Fictional"},
                 "service_at_locations":[{"location":{"id":"%4$s","location_type":"virtual","name":"Remote"}}],
                 "service_areas":[{"name":"%5$s","extent_type":"%6$s","extent":%7$s}],
                 "attributes":[{"taxonomy_term":{"code":"%8$s"}}]}"""
                .formatted(id, name, org, Fixtures.uuid(), areaName, extentType, quoted(extent), mode);
    }

    @Test
    void theFeedFindsServicesWhoseAreaCoversThePostcode() {
        assertThat(feed(IN_A, 1000)).containsExactly(a);
        assertThat(feed(IN_A_HOLE, 1000)).as("a hole is outside the area; B's second polygon covers it").containsExactly(b);
        assertThat(feed(IN_B, 1000)).containsExactly(b);
        assertThat(feed(NOWHERE, 1000)).as("the walk by its place; the text area matches nothing").containsExactly(d);
        // without proximity, sorted by distance: inside an area counts as 0
        List<String> sorted = given().queryParams(Map.of("postcode", IN_A, "organization_id", org)).get("/services").then().statusCode(200)
                .extract().jsonPath().getList("contents.id", String.class);
        assertThat(sorted).first().isEqualTo(a);
        assertThat(sorted).containsExactlyInAnyOrder(a, b, c, d);
    }

    @Test
    void linkWorkersAreToldTheServiceServesTheirArea() {
        JsonPath result = given().header("Authorization", Fixtures.linkWorker())
                .queryParams(Map.of("q", "cornish", "postcode", IN_A, "within", 1000)).get("/search/services")
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getList("contents.service.id", String.class)).containsExactly(a);
        assertThat(result.getDouble("contents[0].distance_metres")).isZero();
        assertThat(result.getString("contents[0].reasons.find { it.criterion == 'distance' }.detail"))
                .isEqualTo("serves your area: TR19 7AA is inside its service area (West Penwith)");
        JsonPath byPoint = given().header("Authorization", Fixtures.linkWorker())
                .queryParams(Map.of("q", "cornish", "lat", "50.02", "lon", "-5.10", "within", 500)).get("/search/services")
                .then().statusCode(200).extract().jsonPath();
        assertThat(byPoint.getList("contents.service.id", String.class)).containsExactly(b);
        assertThat(byPoint.getString("contents[0].reasons.find { it.criterion == 'distance' }.detail"))
                .isEqualTo("serves your area: the point searched is inside its service area (Two parishes)");
    }

    @Test
    void aServiceAreaChangedOrRemovedChangesWhatIsFound() {
        String id = Fixtures.uuid();
        Fixtures.put(Fixtures.ADMIN, id, remote(id, "Cornish carers line", "telephone", "West Penwith", "geojson", WEST_PENWITH), 201);
        assertThat(feed(IN_A, 1000)).containsExactlyInAnyOrder(a, id);
        given().header("Authorization", Fixtures.ADMIN).header("If-Match", Fixtures.etag(id)).contentType("application/json")
                .body(remote(id, "Cornish carers line", "telephone", "Two parishes", "geojson", TWO_SQUARES)).put("/services/" + id)
                .then().statusCode(200);
        assertThat(feed(IN_A, 1000)).containsExactly(a);
        assertThat(feed(IN_B, 1000)).containsExactlyInAnyOrder(b, id);
        given().header("Authorization", Fixtures.ADMIN).delete("/services/" + id).then().statusCode(204);
        assertThat(feed(IN_B, 1000)).containsExactly(b);
    }

    @Test
    void aMalformedGeoJsonExtentIsRefusedNamingTheField() {
        String id = Fixtures.uuid();
        for (String extent : List.of("Penzance and around", "{\"type\":\"Point\",\"coordinates\":[-5.5,50.1]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[-5.7,50.1],[-5.6,50.1],[-5.6,50.2]]]}")) {
            given().header("Authorization", Fixtures.ADMIN).contentType("application/json")
                    .body(remote(id, "Cornish bad area", "telephone", "Bad", "geojson", extent)).put("/services/" + id)
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("service_areas[0].extent"));
        }
        given().get("/services/" + id).then().statusCode(404);
        // a text extent is descriptive: anything goes
        Fixtures.put(Fixtures.ADMIN, id, remote(id, "Cornish described area", "telephone", "Penwith", "text", "{\"type\":\"Point\"}"), 201);
        given().header("Authorization", Fixtures.ADMIN).delete("/services/" + id).then().statusCode(204);
    }

    @Test
    void importedPackagesBringTheirAreas() throws IOException {
        String viaJson = Fixtures.uuid();
        String list = "[" + remote(viaJson, "Cornish imported line", "telephone", "West Penwith", "geojson", WEST_PENWITH) + ","
                + remote(Fixtures.uuid(), "Cornish broken import", "telephone", "Bad", "geojson", "{\"type\":\"Polygon\"}") + "]";
        JsonPath report = given().header("Authorization", Fixtures.ADMIN).contentType("application/json").body(list).post("/imports")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("created")).isEqualTo(1);
        assertThat(report.getList("rejections.field", String.class)).containsExactly("service_areas[0].extent");
        assertThat(feed(IN_A, 1000)).containsExactlyInAnyOrder(a, viaJson);

        String viaCsv = Fixtures.uuid();
        String area = "\"" + TWO_SQUARES.replace("\"", "\"\"") + "\"";
        byte[] zip = zip(Map.of(
                "organizations.csv", "id,name,description\n" + org + ",Kernow Together,Fictional\n",
                "services.csv", "id,organization_id,name,status\n" + viaCsv + "," + org + ",Cornish packaged line,active\n",
                "service_areas.csv", "id,service_id,name,extent_type,extent\n" + Fixtures.uuid() + "," + viaCsv + ",Two parishes,geojson," + area + "\n"));
        JsonPath csv = given().header("Authorization", Fixtures.ADMIN).contentType("application/zip").body(zip).post("/imports")
                .then().statusCode(200).extract().jsonPath();
        assertThat(csv.getInt("created")).as(csv.prettify()).isEqualTo(1);
        assertThat(feed(IN_B, 1000)).containsExactlyInAnyOrder(b, viaCsv);
        given().header("Authorization", Fixtures.ADMIN).delete("/services/" + viaJson).then().statusCode(204);
        given().header("Authorization", Fixtures.ADMIN).delete("/services/" + viaCsv).then().statusCode(204);
    }

    @Test
    void areasStoredBeforeShapesWereKeptGetThemAtStart() throws Exception {
        String id = Fixtures.uuid();
        Fixtures.put(Fixtures.ADMIN, id, remote(id, "Cornish older line", "telephone", "West Penwith", "text", "placeholder"), 201);
        String broken = Fixtures.uuid();
        Fixtures.put(Fixtures.ADMIN, broken, remote(broken, "Cornish older broken line", "telephone", "Bad", "text", "{\"type\":\"Point\"}"), 201);
        // as a directory of before V5 held them: GeoJSON extents with no shapes
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement("update service_area set extent_type = 'geojson', extent = ? where service_id = ?")) {
            ps.setString(1, WEST_PENWITH);
            ps.setString(2, id);
            ps.executeUpdate();
            ps.setString(1, "{\"type\":\"Point\"}");
            ps.setString(2, broken);
            ps.executeUpdate();
        }
        assertThat(feed(IN_A, 1000)).containsExactly(a);
        shapes.backfill();
        assertThat(feed(IN_A, 1000)).containsExactlyInAnyOrder(a, id);
        given().get("/services/" + broken).then().statusCode(200).body("service_areas[0].extent_type", equalTo("text"));
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement("select count(*) from service_area_shape where service_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        shapes.backfill(); // nothing left to do: no second shape
        given().header("Authorization", Fixtures.ADMIN).delete("/services/" + id).then().statusCode(204);
        given().header("Authorization", Fixtures.ADMIN).delete("/services/" + broken).then().statusCode(204);
    }

    private List<String> feed(String postcode, int metres) {
        return given().queryParams(Map.of("postcode", postcode, "proximity", metres, "organization_id", org)).get("/services").then()
                .statusCode(200).extract().jsonPath().getList("contents.id", String.class);
    }

    static String ring(double west, double south, double east, double north) {
        return "[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]".formatted(west, south, east, south, east, north, west, north, west, south);
    }

    static String polygon(String... rings) {
        return "{\"type\":\"Polygon\",\"coordinates\":[" + String.join(",", rings) + "]}";
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
