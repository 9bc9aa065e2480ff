package org.linkwork.system;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real platform, driven the way a person drives it: through the {@code linkwork} command,
 * HTTP, tokens from the real Keycloak, and Kafka read as an outside consumer.
 */
final class Platform {

    static final String KEYCLOAK = "http://127.0.0.1:8180/realms/linkwork";
    static final String REFERRALS = "http://127.0.0.1:8081";
    static final String DIRECTORY = "http://127.0.0.1:8082";
    static final String MATCHING = "http://127.0.0.1:8083";
    static final String OUTCOMES = "http://127.0.0.1:8084";
    static final String NOTIFICATIONS = "http://127.0.0.1:8085";
    static final String KAFKA = "127.0.0.1:9092";

    private final Path home;
    private final Path log;

    Platform() {
        this.home = Path.of(System.getProperty("linkwork.home", "..")).toAbsolutePath().normalize();
        this.log = home.resolve("system-tests/target/linkwork-command.log");
    }

    void up() {
        if (answers(REFERRALS + "/q/health/ready")) {
            throw new IllegalStateException("Something already answers on " + REFERRALS
                    + ": stop the running platform (./linkwork down) before the system test, which starts its own.");
        }
        // from empty every time: referrals and services of an earlier run would crowd the proposals
        run(Duration.ofMinutes(2), "reset");
        run(Duration.ofMinutes(12), "up", "--no-build");
    }

    private static boolean answers(String url) {
        try {
            var connection = (java.net.HttpURLConnection) java.net.URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.getResponseCode();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void down() {
        run(Duration.ofMinutes(2), "down");
    }

    void stop(String component) {
        run(Duration.ofMinutes(1), "stop", component);
    }

    void start(String component) {
        run(Duration.ofMinutes(2), "start", component);
    }

    private void run(Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("linkwork").toString());
        command.addAll(List.of(args));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
            // its own databases and Kafka log, apart from a developer's demo data
            builder.environment().put("LINKWORK_INSTANCE", "systest");
            // the test follows one referral at a time through the KPIs, so counts of one must show
            builder.environment().put("KPIS_SMALL_NUMBER_THRESHOLD", "1");
            Process process = builder
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("linkwork " + String.join(" ", args) + " did not finish in " + timeout + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("linkwork " + String.join(" ", args) + " failed (exit " + process.exitValue() + "):\n" + tail());
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run linkwork", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** A client-credentials token, as a partner system gets one. */
    static String clientToken(String clientId, String secret) {
        return "Bearer " + given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(KEYCLOAK + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A user token from the real Keycloak, through the public CLI client's password grant. */
    static String token(String username) {
        return "Bearer " + given().formParam("grant_type", "password").formParam("client_id", "linkwork-cli")
                .formParam("username", username).formParam("password", "demo")
                .post(KEYCLOAK + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
