package org.linkwork.referral;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** referral-service settings; defaults documented in application.properties and the README. */
@ConfigMapping(prefix = "linkwork.referral")
public interface ReferralSettings {

    Encryption encryption();

    Duplicates duplicates();

    FirstContact firstContact();

    SelfReferral selfReferral();

    Idempotency idempotency();

    Timeline timeline();

    /** Referring systems by OAuth client id: where their FHIR server is. Only these bases are ever fetched from. */
    Map<String, Partner> partners();

    FhirFetch fhirFetch();

    interface Partner {
        /** The partner's FHIR base URL, e.g. https://ehr.example.nhs.uk/fhir; a Task's focus must lie under it. */
        String fhirBase();

        /** A bearer token the platform presents to the partner's FHIR server, if it needs one. */
        Optional<String> bearerToken();
    }

    interface FhirFetch {
        /** Connect and read timeout of one request to a partner's FHIR server. */
        @WithDefault("10s")
        Duration timeout();

        /** How long before a Task whose fetch failed (or never ran) is tried again. */
        @WithDefault("30s")
        Duration retryInterval();

        /** Tries before a Task whose ServiceRequest cannot be fetched is marked failed. */
        @WithDefault("5")
        int attempts();

        /** The largest resource accepted from a partner. */
        @WithDefault("1048576")
        int maxBytes();
    }

    interface Timeline {
        /** How often an open live stream gets a keep-alive comment. */
        @WithDefault("15s")
        String keepAlive();

        /** How long the timeline feed waits before listening again after losing its connection. */
        @WithDefault("2s")
        Duration reconnectDelay();
    }

    interface Encryption {
        /** Base64 of at least 32 random bytes; production reads it from LINKWORK_REFERRAL_ENCRYPTION_KEY. */
        String key();
    }

    interface Duplicates {
        /** A second open referral of the same person received within this window is refused unless overridden. */
        @WithDefault("P90D")
        Duration window();
    }

    interface FirstContact {
        /** First contact is due by the end of this many working days after the day a referral arrives. */
        @WithDefault("5")
        int workingDays();

        @WithDefault("Europe/London")
        ZoneId zone();

        /** Public holidays that are not working days (England and Wales by default). */
        List<LocalDate> bankHolidays();

        /** How often overdue referrals are looked for. */
        @WithDefault("60s")
        String checkInterval();
    }

    interface SelfReferral {
        /** Self-referrals accepted from one client address per period. */
        @WithDefault("5")
        int limit();

        @WithDefault("PT1H")
        Duration per();
    }

    interface Idempotency {
        /** How long a POST's first result is kept for retries with the same Idempotency-Key. */
        @WithDefault("P1D")
        Duration retention();

        /** A first request still unanswered after this long is taken as lost, and the key may be used again. */
        @WithDefault("PT2M")
        Duration abandonedAfter();
    }
}
