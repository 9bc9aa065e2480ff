package org.linkwork.directory.benchmark;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Its own application and database; the relay stays off so 100,000 snapshots are not sent to the test broker. */
public class BenchmarkProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("linkwork.outbox.enabled", "false", "linkwork.directory.review.enabled", "false");
    }
}
