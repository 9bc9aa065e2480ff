package org.linkwork.directory.feed;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** ORUK's {@code GET /}: which version of HSDS and which profile this feed publishes. */
@Path("/")
public class FeedRootResource {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record About(String version, String profile, String openapiUrl) {
    }

    @ConfigProperty(name = "linkwork.directory.feed.version", defaultValue = "3.0")
    String version;

    @ConfigProperty(name = "linkwork.directory.feed.profile",
            defaultValue = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md")
    String profile;

    @ConfigProperty(name = "linkwork.directory.feed.openapi-url",
            defaultValue = "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/schema/openapi.json")
    String openapiUrl;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "About this Open Referral UK feed")
    public About about() {
        return new About(version, profile, openapiUrl);
    }
}
