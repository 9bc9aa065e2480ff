package org.linkwork.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linkwork.directory.taxonomy.LinkworkTaxonomy;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;

/** Every endpoint against every role: who may call it, and that everyone else is refused (deny by default). */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class RoleMatrixTest {

    static final Set<String> EVERYONE = Set.of("referrer", "link-worker", "provider", "analyst", "admin", "anonymous");

    record Endpoint(String method, String path, String contentType, String body, Set<String> allowed) {
    }

    @Test
    void eachEndpointAdmitsItsRolesOnly() {
        String id = "svc-" + Fixtures.uuid();
        String org = "org-" + Fixtures.uuid();
        String service = Fixtures.richWalk(id, org, 53.8, -1.55, "LS2 7AB", "");
        Fixtures.put(Fixtures.ADMIN, id, service, 201);
        Set<String> publishers = Set.of("provider", "admin");
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "/", null, null, EVERYONE),
                new Endpoint("GET", "/services", null, null, EVERYONE),
                new Endpoint("GET", "/services/" + id, null, null, EVERYONE),
                new Endpoint("GET", "/organizations", null, null, EVERYONE),
                new Endpoint("GET", "/organizations/" + org, null, null, EVERYONE),
                new Endpoint("GET", "/locations/" + id + "-loc", null, null, EVERYONE),
                new Endpoint("GET", "/taxonomies", null, null, EVERYONE),
                new Endpoint("GET", "/taxonomies/" + LinkworkTaxonomy.NEEDS.id(), null, null, EVERYONE),
                new Endpoint("GET", "/taxonomy_terms", null, null, EVERYONE),
                new Endpoint("GET", "/taxonomy_terms/" + LinkworkTaxonomy.NEEDS.termId("loneliness"), null, null, EVERYONE),
                new Endpoint("GET", "/service_at_locations", null, null, EVERYONE),
                new Endpoint("GET", "/service_at_locations/" + id + "-sal", null, null, EVERYONE),
                new Endpoint("PUT", "/services/" + id, "application/json", service, publishers),
                new Endpoint("DELETE", "/services/" + Fixtures.uuid(), null, null, publishers),
                new Endpoint("POST", "/services/" + id + "/assurance", null, null, publishers),
                new Endpoint("PUT", "/organizations/" + org, "application/json", "{\"id\":\"" + org + "\",\"name\":\"x\",\"description\":\"x\"}", publishers),
                new Endpoint("PUT", "/locations/" + id + "-loc", "application/json", "{}", publishers),
                new Endpoint("GET", "/search/services", null, null, Set.of("link-worker", "referrer", "admin")),
                new Endpoint("GET", "/review/due", null, null, publishers),
                new Endpoint("POST", "/imports", "application/json", "[]", Set.of("admin")),
                new Endpoint("POST", "/imports/folder", "application/json", "{\"path\":\"x\"}", Set.of("admin")),
                new Endpoint("POST", "/imports/feed", "application/json", "{\"url\":\"ftp://x\"}", Set.of("admin")),
                new Endpoint("GET", "/imports/" + Fixtures.uuid(), null, null, Set.of("admin")),
                new Endpoint("GET", "/export/services.json", null, null, Set.of("admin", "analyst")),
                new Endpoint("GET", "/export/package.zip", null, null, Set.of("admin", "analyst")));
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints) {
            for (String role : EVERYONE) {
                RequestSpecification request = given();
                if (!role.equals("anonymous")) {
                    // a provider of the service's own organisation: only the role may stop it
                    request.header("Authorization", TestTokens.bearer("user-" + role, role, role.equals("provider") ? org : "Y90001"));
                }
                if (e.contentType() != null) {
                    request.contentType(e.contentType()).body(e.body());
                }
                int status = request.request(e.method(), e.path()).then().extract().statusCode();
                boolean allowed = e.allowed().contains(role);
                int refused = role.equals("anonymous") ? 401 : 403;
                if (allowed ? (status == 401 || status == 403) : status != refused) {
                    wrong.add(e.method() + " " + e.path() + " as " + role + " answered " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
