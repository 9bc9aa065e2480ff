package org.linkwork.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schemas' enums and the Java vocabularies are one list, not two that drift apart. */
class VocabularyTest {

    @Test
    void assessmentSchemaUsesTheSharedVocabularies() throws Exception {
        JsonNode p = schema("referral-assessed").get("properties");
        assertThat(enumOf(p.at("/interests/items/enum"))).containsExactlyInAnyOrderElementsOf(Vocabulary.INTERESTS);
        assertThat(enumOf(p.at("/healthConditions/items/enum"))).containsExactlyInAnyOrderElementsOf(Vocabulary.HEALTH_CONDITIONS);
        assertThat(enumOf(p.at("/accessibilityRequirements/items/enum")))
                .containsExactlyInAnyOrderElementsOf(Vocabulary.ACCESSIBILITY_REQUIREMENTS);
        assertThat(enumOf(p.at("/preferences/properties/deliveryModes/items/enum"))).containsExactlyElementsOf(Vocabulary.DELIVERY_MODES);
        assertThat(enumOf(p.at("/preferences/properties/days/items/enum"))).containsExactlyElementsOf(Vocabulary.DAYS);
        assertThat(enumOf(p.at("/preferences/properties/timesOfDay/items/enum"))).containsExactlyElementsOf(Vocabulary.TIMES_OF_DAY);
        assertThat(enumOf(p.at("/digitalAccess/enum"))).containsExactlyElementsOf(Vocabulary.DIGITAL_ACCESS);
    }

    @Test
    void directoryAndDemographicSchemasUseTheSharedVocabularies() throws Exception {
        JsonNode d = schema("directory-service-changed").get("properties");
        assertThat(enumOf(d.at("/accessibilityFeatures/items/enum"))).containsExactlyInAnyOrderElementsOf(Vocabulary.ACCESSIBILITY_FEATURES);
        assertThat(enumOf(d.at("/eligibility/properties/conditions/items/enum"))).containsExactlyInAnyOrderElementsOf(Vocabulary.HEALTH_CONDITIONS);
        JsonNode c = schema("referral-created").get("properties");
        assertThat(enumOf(c.at("/sex/enum"))).containsExactlyElementsOf(Vocabulary.SEXES);
        assertThat(enumOf(c.at("/ethnicityGroup/enum"))).containsExactlyElementsOf(Vocabulary.ETHNICITY_GROUPS);
        JsonNode f = schema("match-feedback").get("properties");
        assertThat(enumOf(f.at("/reasonCode/enum"))).containsExactlyInAnyOrderElementsOf(Vocabulary.UNSUITABLE_REASONS);
    }

    private static JsonNode schema(String topic) throws Exception {
        try (InputStream in = VocabularyTest.class.getResourceAsStream("/schemas/" + topic + ".schema.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** The enum's strings, without the null that optional fields allow. */
    private static Collection<String> enumOf(JsonNode node) {
        assertThat(node.isArray()).as("an enum at %s", node).isTrue();
        List<String> values = new ArrayList<>();
        node.forEach(v -> {
            if (!v.isNull()) {
                values.add(v.asText());
            }
        });
        return values;
    }
}
