package org.linkwork.directory.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Open Referral UK 3.0 JSON Schemas in {@code shared/standards/oruk-3.0} beside the checkout,
 * with format assertions on (ids must be UUIDs), and the checks every feed response must pass.
 */
public final class OrukSchemas {

    public static final ObjectMapper JSON = new ObjectMapper();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Path standards = standards();
    /** Each schema file read and compiled once: a feed check validates hundreds of responses. */
    private final Map<String, JsonSchema> loaded = new HashMap<>();

    /** Every message of validating the instance against a schema file (relative to oruk-3.0). */
    public Set<ValidationMessage> validate(String schemaFile, JsonNode instance) {
        return loaded.computeIfAbsent(schemaFile, this::load).validate(instance);
    }

    private JsonSchema load(String schemaFile) {
        // loaded by its file URI, so that a relative $ref (taxonomy.json → taxonomy_term.json) resolves beside it
        try {
            Path file = standards.resolve(schemaFile);
            return factory.getSchema(file.toUri(), JSON.readTree(file.toFile()), config);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void assertConforms(String schemaFile, JsonNode instance) {
        List<String> problems = validate(schemaFile, instance).stream().map(ValidationMessage::toString).toList();
        assertThat(problems).as("%s against %s", instance.path("id").asText(), schemaFile).isEmpty();
    }

    /** A 200 response with the CORS header, no field sent null or empty, as JSON. */
    public static JsonNode read(Response response) {
        response.then().statusCode(200).header("Access-Control-Allow-Origin", "*");
        try {
            JsonNode node = JSON.readTree(response.asString());
            List<String> empties = new ArrayList<>();
            findEmpty(node, "$", empties);
            assertThat(empties).as("empty optional fields are left out, not sent").isEmpty();
            return node;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ORUK page wrapper around a list. */
    public static void assertPage(JsonNode page, int expected) {
        for (String field : List.of("total_items", "total_pages", "page_number", "size")) {
            assertThat(page.path(field).isInt()).as(field).isTrue();
        }
        for (String field : List.of("first_page", "last_page", "empty")) {
            assertThat(page.path(field).isBoolean()).as(field).isTrue();
        }
        assertThat(page.get("total_items").asInt()).isEqualTo(expected);
        assertThat(page.get("contents").isArray()).isTrue();
    }

    private static void findEmpty(JsonNode node, String path, List<String> empties) {
        if (node.isNull() || (node.isTextual() && node.asText().isEmpty()) || (node.isContainerNode() && node.isEmpty() && !path.endsWith("contents"))) {
            empties.add(path);
        }
        node.fields().forEachRemaining(e -> findEmpty(e.getValue(), path + "." + e.getKey(), empties));
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findEmpty(node.get(i), path + "[" + i + "]", empties);
            }
        }
    }

    /** The standards folder beside the checkout (the CI layout), found from the module upwards. */
    private static Path standards() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/standards/oruk-3.0");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("the ORUK 3.0 schemas (shared/standards/oruk-3.0) are not beside the checkout");
    }
}
