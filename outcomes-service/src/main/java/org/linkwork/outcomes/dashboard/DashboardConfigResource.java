package org.linkwork.outcomes.dashboard;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where the KPI page (/dashboard/) signs in: public facts about the identity provider, no secrets,
 * so it is open to all.
 */
@Path("/dashboard-config")
public class DashboardConfigResource {

    public record DashboardConfig(String oidcUrl, String clientId) {
    }

    @ConfigProperty(name = "linkwork.kpi-page.oidc-url")
    String oidcUrl;

    @ConfigProperty(name = "linkwork.kpi-page.client-id")
    String clientId;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The OpenID Connect provider and public client the KPI page signs in with")
    public DashboardConfig config() {
        return new DashboardConfig(oidcUrl, clientId);
    }
}
