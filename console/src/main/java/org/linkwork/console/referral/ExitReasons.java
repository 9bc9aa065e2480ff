package org.linkwork.console.referral;

import java.util.List;
import java.util.Map;

/**
 * The coded reasons offered for each exit from the lifecycle. referral-service takes any
 * lower-case code; these are the ones a link worker chooses from, in the words they read.
 */
final class ExitReasons {

    record Reason(String code, String text) {
    }

    static final Map<String, List<Reason>> BY_STATUS = Map.of(
            "rejected", List.of(new Reason("not-appropriate", "Social prescribing is not the right support"),
                    new Reason("out-of-area", "The person lives outside the area the team serves"),
                    new Reason("needs-clinical-care", "The person needs clinical care first"), new Reason("other", "Another reason")),
            "declined", List.of(new Reason("person-declined", "The person does not want support"),
                    new Reason("needs-met-elsewhere", "The person's needs are met elsewhere"),
                    new Reason("not-ready", "The person is not ready now"), new Reason("other", "Another reason")),
            "unable-to-contact", List.of(new Reason("no-response", "No answer after repeated attempts"),
                    new Reason("wrong-contact-details", "The contact details are wrong"), new Reason("other", "Another reason")),
            "withdrawn", List.of(new Reason("referrer-withdrew", "The referrer withdrew the referral"),
                    new Reason("person-moved-away", "The person moved away"), new Reason("other", "Another reason")));

    /** Exits need a coded reason; other moves do not. */
    static boolean needsReason(String status) {
        return BY_STATUS.containsKey(status);
    }

    static boolean known(String status, String code) {
        return BY_STATUS.getOrDefault(status, List.of()).stream().anyMatch(r -> r.code().equals(code));
    }

    private ExitReasons() {
    }
}
