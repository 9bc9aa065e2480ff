package org.linkwork.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NeedTest {

    @Test
    void theEnumAndTheSchemasShareOneVocabulary() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(NeedTest.class.getResourceAsStream("/schemas/referral-assessed.schema.json"));
        List<String> codes = new ArrayList<>();
        schema.at("/properties/needs/items/enum").forEach(n -> codes.add(n.asText()));
        assertThat(codes).containsExactlyElementsOf(Stream.of(Need.values()).map(Need::code).toList());
    }

    @Test
    void codesReadAndWriteAsTheirKebabCaseForm() {
        assertThat(Need.fromCode("low-mood")).isEqualTo(Need.LOW_MOOD);
        assertThat(Need.LONG_TERM_CONDITION.toString()).isEqualTo("long-term-condition");
        assertThatThrownBy(() -> Need.fromCode("LOW_MOOD")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Need.isCode("space-travel")).isFalse();
    }
}
