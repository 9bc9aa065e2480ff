package org.linkwork.notification.webhooks;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.notification.delivery.Delivery;
import org.linkwork.notification.inbox.Paging;
import org.linkwork.notification.rules.Rule;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;

/**
 * Partner systems' webhooks, per organisation. The organisation's own staff who deal with partner
 * systems manage them — referrers for a practice, providers for a provider organisation — and
 * platform admins for any organisation. Link workers and analysts have no say (403); another
 * organisation's webhooks do not exist for the caller (404).
 */
@Path("/organisations/{organisation}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"referrer", "provider", "admin"})
public class WebhookResource {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_URL = 2000;

    final Caller caller;
    final boolean allowPlainHttp;

    WebhookResource(Caller caller, @ConfigProperty(name = "linkwork.webhooks.allow-plain-http") boolean allowPlainHttp) {
        this.caller = caller;
        this.allowPlainHttp = allowPlainHttp;
    }

    @POST
    @Path("/webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Subscribe a partner system",
            description = "Returns the signing secret once. Event types are the rule codes addressed to organisations.")
    public Response subscribe(@PathParam("organisation") String organisation, WebhookRequest request, UriInfo uri) {
        ownOrganisation(organisation);
        if (request == null) {
            throw ProblemException.invalid("$", "a body with url and eventTypes is needed");
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.organisation = organisation;
        subscription.url = checkedUrl(request.url());
        subscription.eventTypes = String.join(",", checkedEventTypes(request.eventTypes()));
        subscription.secret = newSecret();
        subscription.createdBy = caller.username();
        subscription.createdAt = Instant.now();
        subscription.persist();
        return Response.created(uri.getAbsolutePathBuilder().path(subscription.id.toString()).build())
                .entity(WebhookView.of(subscription, true)).build();
    }

    @GET
    @Path("/webhooks")
    @Operation(summary = "The organisation's webhook subscriptions")
    public List<WebhookView> list(@PathParam("organisation") String organisation) {
        ownOrganisation(organisation);
        return WebhookSubscription.<WebhookSubscription>list("organisation = ?1 and removedAt is null", Sort.by("createdAt"),
                organisation).stream().map(s -> WebhookView.of(s, false)).toList();
    }

    @DELETE
    @Path("/webhooks/{id}")
    @Transactional
    @Operation(summary = "Remove a subscription", description = "Deliveries still waiting for it are cancelled; its log stays.")
    public void remove(@PathParam("organisation") String organisation, @PathParam("id") UUID id) {
        ownOrganisation(organisation);
        WebhookSubscription subscription = WebhookSubscription.<WebhookSubscription>find(
                "id = ?1 and organisation = ?2 and removedAt is null", id, organisation).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("webhook"));
        subscription.removedAt = Instant.now();
        Delivery.update("status = ?1, lastError = 'subscription-removed', completedAt = ?2 where recipientType = ?3 and recipient = ?4 and status = ?5",
                Delivery.CANCELLED, Instant.now(), Delivery.TO_SUBSCRIPTION, id.toString(), Delivery.PENDING);
    }

    @GET
    @Path("/webhook-deliveries")
    @Operation(summary = "The organisation's webhook delivery log", description = "Newest first; failed ones are the dead letters.")
    public WebhookDeliveryPage deliveries(@PathParam("organisation") String organisation,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        ownOrganisation(organisation);
        Paging paging = Paging.of(page, size);
        var query = Delivery.<Delivery>find("organisation = ?1 and recipientType = ?2", Sort.by("createdAt").descending().and("id"),
                organisation, Delivery.TO_SUBSCRIPTION);
        long total = query.count();
        List<WebhookDeliveryView> items = List.of();
        if (paging.offset() < total) {
            int first = (int) paging.offset();
            items = query.range(first, first + paging.size() - 1).list().stream().map(WebhookDeliveryView::of).toList();
        }
        return new WebhookDeliveryPage(items, paging.page(), paging.size(), total);
    }

    @POST
    @Path("/webhook-deliveries/{id}/retry")
    @Transactional
    @Operation(summary = "Send a dead-lettered delivery again", description = "Only a failed delivery to a live subscription; 409 otherwise.")
    public WebhookDeliveryView retry(@PathParam("organisation") String organisation, @PathParam("id") UUID id) {
        ownOrganisation(organisation);
        Delivery delivery = Delivery.<Delivery>find("id = ?1 and organisation = ?2 and recipientType = ?3", id, organisation,
                Delivery.TO_SUBSCRIPTION).firstResultOptional().orElseThrow(() -> ProblemException.notFound("webhook delivery"));
        WebhookSubscription subscription = WebhookSubscription.findById(UUID.fromString(delivery.recipient));
        if (!Delivery.FAILED.equals(delivery.status) || subscription == null || subscription.removedAt != null) {
            throw new ProblemException(org.linkwork.platform.problem.Problem.of("conflict", "Not a dead letter", 409,
                    "Only a failed delivery to a live subscription can be sent again", List.of()));
        }
        delivery.status = Delivery.PENDING;
        delivery.attempts = 0;
        delivery.completedAt = null;
        delivery.dueAt = Instant.now();
        return WebhookDeliveryView.of(delivery);
    }

    /** Another organisation's webhooks are not found, rather than forbidden, so their existence is not revealed. */
    private void ownOrganisation(String organisation) {
        if (!caller.belongsTo(organisation)) {
            throw ProblemException.notFound("organisation");
        }
    }

    private String checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.invalid("url", "is required");
        }
        if (url.length() > MAX_URL) {
            throw ProblemException.invalid("url", "must be at most " + MAX_URL + " characters");
        }
        URI parsed;
        try {
            parsed = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("url", "is not a URL");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPlainHttp && scheme.equals("http"))) {
            throw ProblemException.invalid("url", allowPlainHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (parsed.getHost() == null || parsed.getRawUserInfo() != null || parsed.getRawFragment() != null) {
            throw ProblemException.invalid("url", "must name a host, without user name or fragment");
        }
        return parsed.toString();
    }

    private static List<String> checkedEventTypes(List<String> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw ProblemException.invalid("eventTypes", "name at least one of " + organisationRules());
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (int i = 0; i < eventTypes.size(); i++) {
            String type = eventTypes.get(i);
            if (type == null || Rule.ofCode(type).filter(Rule.forOrganisations()::contains).isEmpty()) {
                throw ProblemException.invalid("eventTypes[" + i + "]", "must be one of " + organisationRules());
            }
            chosen.add(type);
        }
        return new ArrayList<>(chosen);
    }

    private static List<String> organisationRules() {
        return Rule.forOrganisations().stream().map(Rule::code).toList();
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
