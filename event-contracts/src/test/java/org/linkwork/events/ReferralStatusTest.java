package org.linkwork.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferralStatusTest {

    @Test
    void theStatusesAreExactlyThoseTheStatusChangeContractAllows() throws Exception {
        JsonNode schema;
        try (InputStream in = Topic.class.getResourceAsStream(Topic.REFERRAL_STATUS_CHANGED.schemaResource())) {
            schema = new ObjectMapper().readTree(in);
        }
        List<String> contract = new ArrayList<>();
        schema.at("/properties/toStatus/enum").forEach(n -> contract.add(n.asText()));
        assertThat(Arrays.stream(ReferralStatus.values()).map(ReferralStatus::code)).containsExactlyElementsOf(contract);
    }

    @Test
    void codesReadBackAndUnknownOnesDoNot() {
        assertThat(ReferralStatus.fromCode("in-activity")).contains(ReferralStatus.IN_ACTIVITY);
        assertThat(ReferralStatus.fromCode("unable-to-contact")).contains(ReferralStatus.UNABLE_TO_CONTACT);
        assertThat(ReferralStatus.fromCode("IN_ACTIVITY")).isEmpty();
        assertThat(ReferralStatus.fromCode(null)).isEmpty();
    }
}
