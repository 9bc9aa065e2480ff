package org.linkwork.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real parts a service's tests run against: a Kafka broker in the test JVM, a fresh PostgreSQL
 * database, and local verification of tokens signed by {@link TestTokens}. Apply it to one test class
 * of a service; Quarkus then uses it for all of them.
 */
public class LinkworkTestResources implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        String database = "linkwork_test_" + Path.of(System.getProperty("user.dir")).getFileName().toString().replace('-', '_');
        config.putAll(TestPostgres.freshDatabase(database));
        // verify tokens locally with the test key instead of asking Keycloak
        config.put("quarkus.oidc.public-key", publicKey());
        config.put("quarkus.oidc.auth-server-url", "");
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // the broker is shared by every test class of the JVM and stops with it
    }

    static String publicKey() {
        try (InputStream in = LinkworkTestResources.class.getResourceAsStream("/linkwork-test-keys/public.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
