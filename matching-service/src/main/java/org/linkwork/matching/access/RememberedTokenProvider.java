package org.linkwork.matching.access;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a bearer token this instance verified recently with the identity it proved, and passes
 * any other token on (a null identity) to the OIDC provider, which verifies it in full.
 */
@ApplicationScoped
public class RememberedTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {

    final VerifiedTokens tokens;

    RememberedTokenProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Ahead of the OIDC provider, which has the default priority. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        SecurityIdentity known = tokens.recall(request.getToken().getToken());
        if (known == null) {
            return Uni.createFrom().nullItem();
        }
        // the request-bound attributes the OIDC provider would have set, now for this request
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(known);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            identity.addAttribute(RoutingContext.class.getName(), routing);
            identity.addAttribute(AuthenticationRequestContext.class.getName(), routing.get(AuthenticationRequestContext.class.getName()));
        }
        return Uni.createFrom().item(identity.build());
    }
}
