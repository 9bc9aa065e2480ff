package org.linkwork.directory.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an import did: services created, updated and unchanged, and each rejected row with its
 * reason (the first {@link ServiceImporter#REPORTED_REJECTIONS}; {@code rejected} counts them all).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(UUID id, String source, String format, Instant startedAt, Instant finishedAt, int created, int updated,
        int unchanged, int rejected, List<Rejection> rejections) {

    /**
     * A row that did not land.
     *
     * @param file the CSV file, or null for a JSON list
     * @param row the row (1 = first after the header) or the list index (0-based)
     * @param id the id of the row or service, when it has one
     * @param field the field at fault, by HSDS name (null when the whole row is)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rejection(String file, Long row, String id, String field, String reason) {
    }
}
