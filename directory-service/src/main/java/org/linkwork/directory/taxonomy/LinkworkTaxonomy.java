package org.linkwork.directory.taxonomy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * The directory's own taxonomies. Their ids, and their terms' ids, are name-based UUIDs (RFC 4122
 * version 3) of the taxonomy's {@code uri} and of {@code <uri>:<code>}, so every directory gives a
 * term the same id and the readable {@code uri} stays its stable name: the needs taxonomy is
 * {@code UUID.nameUUIDFromBytes("urn:linkwork:need")}, its term {@code loneliness} is
 * {@code UUID.nameUUIDFromBytes("urn:linkwork:need:loneliness")}. Migration V4 derives the same values
 * in SQL. Codes are unique across these taxonomies, so a code alone names a term. (Plain JDK only:
 * the generator uses it from the command line.)
 */
public enum LinkworkTaxonomy {
    NEEDS("linkwork-needs", "urn:linkwork:need"),
    ACTIVITIES("linkwork-activities", "urn:linkwork:activity"),
    ACCESSIBILITY("linkwork-accessibility", "urn:linkwork:accessibility"),
    CONDITIONS("linkwork-conditions", "urn:linkwork:condition"),
    SETTINGS("linkwork-settings", "urn:linkwork:setting"),
    DELIVERY("linkwork-delivery", "urn:linkwork:delivery-mode");

    private final String legacyId;
    private final String uri;
    private final String id;

    LinkworkTaxonomy(String legacyId, String uri) {
        this.legacyId = legacyId;
        this.uri = uri;
        this.id = nameUuid(uri);
    }

    /** The taxonomy's id (a UUID). */
    public String id() {
        return id;
    }

    public String uri() {
        return uri;
    }

    /** The readable id the taxonomy had before V4 ({@code linkwork-needs}); terms were {@code linkwork-needs:<code>}. */
    public String legacyId() {
        return legacyId;
    }

    /** The id of this taxonomy's term with the code. */
    public String termId(String code) {
        return nameUuid(termUri(code));
    }

    /** A term's readable, stable name: {@code urn:linkwork:need:loneliness}. */
    public String termUri(String code) {
        return uri + ":" + code;
    }

    public static Optional<LinkworkTaxonomy> byId(String taxonomyId) {
        return Arrays.stream(values()).filter(t -> t.id.equals(taxonomyId)).findFirst();
    }

    /** True for these taxonomies' ids (now and before V4) and URIs: imports never change them. */
    public static boolean isLinkwork(String taxonomyId) {
        return taxonomyId != null && (byId(taxonomyId).isPresent() || taxonomyId.startsWith("linkwork-")
                || taxonomyId.startsWith("urn:linkwork:"));
    }

    /** The taxonomy and code of a readable term id of before V4 ({@code linkwork-needs:loneliness}), as packages exported then carry. */
    public static Optional<Legacy> legacyTerm(String termId) {
        if (termId == null) {
            return Optional.empty();
        }
        int colon = termId.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String taxonomy = termId.substring(0, colon);
        String code = termId.substring(colon + 1);
        return Arrays.stream(values()).filter(t -> t.legacyId.equals(taxonomy)).findFirst().map(t -> new Legacy(t, code));
    }

    public record Legacy(LinkworkTaxonomy taxonomy, String code) {
    }

    static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
