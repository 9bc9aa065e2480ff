package org.linkwork.directory.bulk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.platform.problem.ProblemMappers;

/**
 * Reads an HSDS JSON list of full services one service at a time from a stream: a top-level array,
 * or an ORUK page whose {@code contents} is one. Fields the directory does not keep (funding,
 * programs, metadata, ...) are passed over; a service that cannot be read is a rejection, not the
 * end of the import.
 */
final class JsonServiceList implements Iterator<Candidate>, AutoCloseable {

    private final JsonParser parser;
    private final ObjectMapper mapper;
    private long index = -1;
    private Boolean more;

    JsonServiceList(InputStream in, ObjectMapper base) throws IOException {
        this.mapper = base.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.parser = mapper.getFactory().createParser(in);
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_OBJECT) {
            // an ORUK page: find its contents array
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("contents".equals(name) && value == JsonToken.START_ARRAY) {
                    return;
                }
                parser.skipChildren();
            }
            throw new IOException("a JSON object without a contents array");
        }
        if (first != JsonToken.START_ARRAY) {
            throw new IOException("not a JSON list of services");
        }
    }

    @Override
    public boolean hasNext() {
        if (more == null) {
            try {
                more = parser.nextToken() == JsonToken.START_OBJECT;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return more;
    }

    @Override
    public Candidate next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        more = null;
        index++;
        JsonNode node;
        try {
            node = mapper.readTree(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String id = node.path("id").isTextual() ? node.get("id").asText() : null;
        try {
            return new Candidate(mapper.treeToValue(node, HsdsService.class), null, index, id, List.of());
        } catch (JsonMappingException e) {
            return new Candidate(null, null, index, id, List.of(new ImportReport.Rejection(null, index, id, ProblemMappers.pathOf(e),
                    "not a valid value: " + e.getOriginalMessage().replaceAll("\\s+", " ").replaceAll("^(.{0,160}).*$", "$1"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
