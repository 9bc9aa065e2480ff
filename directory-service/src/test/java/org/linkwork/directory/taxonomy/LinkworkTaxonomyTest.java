package org.linkwork.directory.taxonomy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linkwork.directory.Fixtures;
import org.linkwork.events.Need;
import org.linkwork.platform.testing.LinkworkTestResources;

/** The Linkwork taxonomies' UUIDs: derived from their names, the same in Java and in migration V4. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class LinkworkTaxonomyTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void idsAreNameBasedUuidsThatNeverChange() {
        // written out once, so that a change of the derivation (or of a uri) cannot pass unnoticed
        assertThat(LinkworkTaxonomy.NEEDS.uri()).isEqualTo(Need.SYSTEM);
        assertThat(LinkworkTaxonomy.NEEDS.id()).isEqualTo("b1b4e85f-0d39-3a41-9a91-e0514e32993f");
        assertThat(LinkworkTaxonomy.NEEDS.termId("loneliness")).isEqualTo("134b10f6-be5a-3195-aead-4db1ff68689d");
        assertThat(LinkworkTaxonomy.ACTIVITIES.id()).isEqualTo("04462eab-dc76-3d53-bf11-65eab70c20dc");
        assertThat(LinkworkTaxonomy.ACTIVITIES.termId("walking-group")).isEqualTo("ac7842bb-c732-327d-b521-94d90b5e4b0e");
        for (LinkworkTaxonomy t : LinkworkTaxonomy.values()) {
            assertThat(t.id()).isEqualTo(UUID.nameUUIDFromBytes(t.uri().getBytes(StandardCharsets.UTF_8)).toString());
            assertThat(UUID.fromString(t.id()).version()).isEqualTo(3);
        }
    }

    @Test
    void theMigratedRowsCarryTheIdsJavaDerives() throws Exception {
        List<String> wrong = new ArrayList<>();
        int terms = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        select x.id as taxonomy_id, x.uri, t.id, t.code, t.term_uri, t.taxonomy from taxonomy x
                        left join taxonomy_term t on t.taxonomy_id = x.id where x.uri like 'urn:linkwork:%'""")) {
            while (rs.next()) {
                LinkworkTaxonomy taxonomy = LinkworkTaxonomy.byId(rs.getString("taxonomy_id")).orElse(null);
                if (taxonomy == null || !taxonomy.uri().equals(rs.getString("uri"))) {
                    wrong.add("taxonomy " + rs.getString("taxonomy_id") + " " + rs.getString("uri"));
                    continue;
                }
                String code = rs.getString("code");
                terms++;
                if (!taxonomy.termId(code).equals(rs.getString("id")) || !taxonomy.termUri(code).equals(rs.getString("term_uri"))
                        || !taxonomy.uri().equals(rs.getString("taxonomy"))) {
                    wrong.add("term " + rs.getString("id") + " " + code);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(terms).isEqualTo(19 + 25 + 9 + 11 + 2 + 3);
        // every need of the shared vocabulary is a term of the needs taxonomy, under its code
        for (Need need : Need.values()) {
            given().get("/taxonomy_terms/" + LinkworkTaxonomy.NEEDS.termId(need.code())).then().statusCode(200)
                    .body("code", equalTo(need.code())).body("taxonomy_id", equalTo(LinkworkTaxonomy.NEEDS.id()));
        }
        given().get("/taxonomy_terms/linkwork-needs:loneliness").then().statusCode(404);
    }

    @Test
    void termsAreNamedByCodeByIdOrByTheReadableIdOfBefore() {
        String id = Fixtures.uuid();
        String org = Fixtures.uuid();
        String body = Fixtures.richWalk(id, org, 53.8, -1.55, "LS2 7AB", "").replace(
                "{\"taxonomy_term\":{\"code\":\"group\"}}",
                "{\"taxonomy_term_id\":\"" + LinkworkTaxonomy.SETTINGS.termId("group") + "\"},{\"taxonomy_term_id\":\"linkwork-needs:loneliness\"}");
        Fixtures.put(Fixtures.ADMIN, id, body, 201);
        given().get("/services/" + id).then().statusCode(200)
                .body("attributes.taxonomy_term_id", hasItem(LinkworkTaxonomy.NEEDS.termId("loneliness")))
                .body("attributes.taxonomy_term_id", hasItem(LinkworkTaxonomy.SETTINGS.termId("group")))
                .body("attributes.taxonomy_term_id", hasItem(LinkworkTaxonomy.ACTIVITIES.termId("walking-group")));
        given().queryParams(java.util.Map.of("taxonomy_id", LinkworkTaxonomy.NEEDS.id(), "organization_id", org)).get("/services")
                .then().statusCode(200).body("contents.id", equalTo(List.of(id)));
        given().queryParams(java.util.Map.of("taxonomy_term_id", LinkworkTaxonomy.NEEDS.termId("loneliness"), "organization_id", org))
                .get("/services").then().statusCode(200).body("contents.id", equalTo(List.of(id)));
    }
}
