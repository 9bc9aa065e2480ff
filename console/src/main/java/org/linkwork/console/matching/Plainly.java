package org.linkwork.console.matching;

import java.util.Map;
import org.linkwork.console.services.Problem;

/**
 * The closed loop's refusals in the words the error summary shows. The services' details speak
 * of ids and statuses; a link worker needs to know what happened and what to do instead.
 */
final class Plainly {

    private static final String PREFIX = "urn:linkwork:problem:";

    private static final Map<String, String> CONFLICTS = Map.of(
            "referral-not-matched", "An activity referral can only be sent once activities have been proposed for this referral.",
            "activity-referral-open", "An activity referral to this activity is already open. Cancel it first if you need to send a new one.",
            "invalid-transition", "This activity referral can no longer be cancelled: it has already ended or been cancelled.",
            "conflict", "These activities cannot be ranked again: the proposal was made before assessments were kept. Record the assessment again.");

    private Plainly() {
    }

    /** The same problem, with plain words in place of the detail when its type is one the page knows. */
    static Problem explain(Problem problem) {
        String type = problem.type() == null ? "" : problem.type();
        String words = CONFLICTS.get(type.startsWith(PREFIX) ? type.substring(PREFIX.length()) : type);
        if (words == null || !problem.errors().isEmpty()) {
            return problem;
        }
        return new Problem(problem.status(), problem.type(), problem.title(), words, problem.errors(), problem.extensions());
    }
}
