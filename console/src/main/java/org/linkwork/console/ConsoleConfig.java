package org.linkwork.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

/** The console's settings (application.properties documents each default). */
@ConfigMapping(prefix = "linkwork.console")
public interface ConsoleConfig {

    Services services();

    /** Keycloak's origin: the only place besides the console that its forms may post to (sign-out). */
    String keycloakOrigin();

    /** Signs the session cookie's encryption, the OIDC state and the CSRF tokens; at least 32 characters. */
    String sessionSecret();

    /** Cookies marked Secure: true wherever the console is served over TLS. */
    boolean secureCookies();

    /** Dates and times are shown in this zone. */
    ZoneId zone();

    Caseload caseload();

    Drafts drafts();

    interface Drafts {
        /** How long what a person typed into a form sent after their session ended is kept for them to sign in again. */
        @WithDefault("30M")
        Duration keepFor();
    }

    interface Services {
        Endpoint referral();

        Endpoint directory();

        Endpoint matching();

        Endpoint outcomes();

        Endpoint notification();

        Duration connectTimeout();

        /** The longest one call to a service may take before its part of the page is shown as unavailable. */
        Duration timeout();
    }

    interface Endpoint {
        URI url();
    }

    interface Caseload {
        @WithDefault("25")
        int pageSize();
    }
}
