package org.linkwork.matching.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** {@code linkwork.matching.verified-tokens.*}: how many verified bearer tokens are remembered, and for how long. */
@ConfigMapping(prefix = "linkwork.matching.verified-tokens")
public interface TokenCacheSettings {

    /**
     * How many verified tokens this instance remembers (each holds its parsed claims: about 16 KB);
     * 0 verifies every request's token afresh.
     */
    @WithDefault("2000")
    @Min(0)
    int size();

    /**
     * The longest a verification is reused, whatever the token's own expiry: a key withdrawn from the
     * realm stops being honoured by this instance within this time.
     */
    @WithDefault("60s")
    Duration maxAge();
}
