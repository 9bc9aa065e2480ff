package org.linkwork.console.web;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkwork.console.ConsoleConfig;

/** Hands the configured zone to the template extensions, which are static. */
@Startup
@ApplicationScoped
class ZoneSetup {

    ZoneSetup(ConsoleConfig config) {
        Fmt.zone = config.zone();
    }
}
