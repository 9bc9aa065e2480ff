package org.linkwork.platform.problem;

import java.util.List;

/** Thrown by domain code to answer with a problem+json response. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 404: also the answer for another organisation's data, so its existence is not revealed. */
    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, "No " + what + " with that id is visible to you", List.of()));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of("validation-failed", "The request is not valid", 400, message,
                List.of(new Problem.FieldError(field, message))));
    }
}
