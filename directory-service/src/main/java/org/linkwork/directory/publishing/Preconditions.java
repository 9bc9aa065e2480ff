package org.linkwork.directory.publishing;

import java.util.List;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;

/**
 * Optimistic locking with ETag / If-Match: an entry's ETag is its version. Changing an existing
 * entry needs the ETag the editor last read, so two editors cannot overwrite each other silently;
 * creating one needs none.
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @param current the stored version, null when there is none yet
     * @param required whether a change of an existing entry must carry If-Match
     */
    public static void check(String ifMatch, String ifNoneMatch, Long current, boolean required) {
        if (ifNoneMatch != null && ifNoneMatch.strip().equals("*") && current != null) {
            throw failed("It exists already (If-None-Match: *)", current);
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            if (current != null && required) {
                throw new ProblemException(Problem.of("precondition-required", "Precondition required", 428,
                        "Send If-Match with the ETag you last read, so that a change made meanwhile is not overwritten",
                        List.of(new Problem.FieldError("If-Match", "required to change an existing entry")))
                        .with("currentEtag", etag(current)));
            }
            return;
        }
        if (current == null) {
            throw failed("Nothing to match: it does not exist", null);
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(etag(current))) {
                return;
            }
        }
        throw failed("It was changed since you read it; read it again and reapply your change", current);
    }

    private static ProblemException failed(String detail, Long current) {
        Problem p = Problem.of("precondition-failed", "Precondition failed", 412, detail,
                List.of(new Problem.FieldError("If-Match", detail)));
        return new ProblemException(current == null ? p : p.with("currentEtag", etag(current)));
    }
}
