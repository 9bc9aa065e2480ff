package org.linkwork.outcomes.journey;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The stored JSON form of a journey (the {@code journey} jsonb column). */
public final class JourneyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JourneyJson() {
    }

    public static String write(ReferralJourney journey) {
        try {
            return MAPPER.writeValueAsString(journey);
        } catch (Exception e) {
            throw new IllegalStateException("cannot store a journey", e);
        }
    }

    public static ReferralJourney read(String json) {
        try {
            return MAPPER.readValue(json, ReferralJourney.class);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read a stored journey", e);
        }
    }
}
