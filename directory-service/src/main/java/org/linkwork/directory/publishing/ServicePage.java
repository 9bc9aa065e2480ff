package org.linkwork.directory.publishing;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The HSDS/ORUK paged list wrapper. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ServicePage(long totalItems, long totalPages, int pageNumber, int size, boolean firstPage, boolean lastPage,
        boolean empty, List<HsdsService> contents) {

    static ServicePage of(List<HsdsService> contents, long total, int page, int perPage) {
        long pages = (total + perPage - 1) / perPage;
        return new ServicePage(total, pages, page, contents.size(), page == 1, page >= pages, contents.isEmpty(), contents);
    }
}
