package org.linkwork.directory.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.directory.taxonomy.TermIndex;

/**
 * A service ready to store: its canonical HSDS form, what search and the snapshot read off it, and a
 * hash of its content, so that writing the same content again (a re-import, a repeated PUT) is
 * recognised and changes nothing.
 */
public record Entry(HsdsService service, Facets facets, String contentHash) {

    private static final ObjectMapper CANONICAL = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** @param canonical a service as {@link EntryRules} returns it */
    public static Entry of(HsdsService canonical, TermIndex terms) {
        return new Entry(canonical, Facets.of(canonical, terms), hash(canonical));
    }

    public String id() {
        return service.id();
    }

    public String organizationId() {
        return service.organization().id();
    }

    static String hash(HsdsService canonical) {
        try {
            byte[] json = CANONICAL.writeValueAsBytes(canonical);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash a service", e);
        }
    }
}
