package org.linkwork.directory.hsds;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The HSDS/ORUK paged list wrapper ({@code Page} in the ORUK OpenAPI). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HsdsPage<T>(long totalItems, long totalPages, int pageNumber, int size, boolean firstPage, boolean lastPage,
        boolean empty, List<T> contents) {

    public static <T> HsdsPage<T> of(List<T> contents, long total, int page, int perPage) {
        long pages = (total + perPage - 1) / perPage;
        return new HsdsPage<>(total, pages, page, contents.size(), page == 1, page >= pages, contents.isEmpty(), contents);
    }
}
