package org.linkwork.referral.caseload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One referral in a caseload list, with what to do next. */
public record CaseloadEntry(
        UUID id,
        String status,
        String personRef,
        String name,
        List<String> needs,
        String urgency,
        String practice,
        String teamId,
        String linkWorker,
        Instant receivedAt,
        Instant firstContactDue,
        boolean overdue,
        String nextAction) {
}
