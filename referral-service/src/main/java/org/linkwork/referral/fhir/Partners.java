package org.linkwork.referral.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.linkwork.referral.ReferralSettings;

/**
 * The referring systems' FHIR servers, by OAuth client id, and the one rule that protects them and
 * us: Linkwork fetches only from the base configured for the client that asked, and only
 * {@code <base>/<Type>/<id>} URLs it builds itself, never a URL as a caller wrote it.
 */
@ApplicationScoped
public class Partners {

    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    final ReferralSettings settings;

    Partners(ReferralSettings settings) {
        this.settings = settings;
    }

    public Optional<ReferralSettings.Partner> of(String clientId) {
        return Optional.ofNullable(settings.partners().get(clientId));
    }

    /**
     * The URL to fetch for a reference found in a partner's resource or Task: relative
     * ({@code Patient/123}) under the base, or absolute and under the base; empty for anything else.
     */
    public static Optional<URI> resolve(String base, String reference, String type) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String relative = reference.strip();
        if (relative.contains("://")) {
            Optional<String> inside = under(base, relative);
            if (inside.isEmpty()) {
                return Optional.empty();
            }
            relative = inside.get();
        }
        String[] parts = relative.split("/");
        if (parts.length != 2 || !parts[0].equals(type) || !FHIR_ID.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        return Optional.of(URI.create(trimmed(base) + "/" + type + "/" + parts[1]));
    }

    /** The path of an absolute URL below the base ("ServiceRequest/123"), when the URL lies under it. */
    static Optional<String> under(String base, String url) {
        try {
            URI u = new URI(url.strip()).normalize();
            URI b = new URI(trimmed(base)).normalize();
            if (u.getScheme() == null || !u.getScheme().equalsIgnoreCase(b.getScheme()) || u.getRawUserInfo() != null
                    || u.getRawQuery() != null || u.getRawFragment() != null || u.getHost() == null
                    || !u.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT)) || port(u) != port(b)) {
                return Optional.empty();
            }
            String basePath = b.getRawPath() == null ? "" : b.getRawPath();
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            if (!path.startsWith(basePath + "/") || path.contains("/../") || path.contains("%")) {
                return Optional.empty();
            }
            return Optional.of(path.substring(basePath.length() + 1));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String trimmed(String base) {
        String b = base.strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return b;
    }
}
