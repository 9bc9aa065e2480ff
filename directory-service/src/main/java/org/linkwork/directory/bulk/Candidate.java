package org.linkwork.directory.bulk;

import java.util.List;
import org.linkwork.directory.hsds.HsdsService;

/**
 * One service read from an import source, with where it came from (to report it) and any rows of it
 * that were already rejected while reading (a bad nested row leaves the rest of the service to land).
 *
 * @param service null when the service itself could not be read
 */
record Candidate(HsdsService service, String file, long row, String id, List<ImportReport.Rejection> rejections) {
}
