package org.linkwork.referral.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import org.linkwork.events.ReferralStatus;
import org.linkwork.referral.lifecycle.ReferralMoved;

/**
 * Keeps the Tasks referring systems posted in step with their referrals, so a referring system
 * that polls its Task sees the referral's progress in the guide's statuses.
 */
@ApplicationScoped
public class ReferralTasks {

    /**
     * The referral's status as a Gravity task status. The person declining or not being reached is
     * "failed" (attempted, not completed), with the reason coded; withdrawal is "cancelled".
     */
    static String taskStatus(ReferralStatus status) {
        return switch (status) {
            case RECEIVED -> "requested";
            case ACCEPTED, CONTACTED, ASSESSED, MATCHED -> "accepted";
            case IN_ACTIVITY -> "in-progress";
            case COMPLETED, CLOSED -> "completed";
            case REJECTED -> "rejected";
            case DECLINED, UNABLE_TO_CONTACT -> "failed";
            case WITHDRAWN -> "cancelled";
        };
    }

    void onReferralMoved(@Observes ReferralMoved moved) {
        for (ReferralTask task : ReferralTask.<ReferralTask>list("referralId", moved.referral().id)) {
            String status = taskStatus(moved.to());
            if (status.equals(task.status)) {
                continue;
            }
            task.status = status;
            boolean exit = !moved.to().isOpen() && moved.to() != ReferralStatus.CLOSED;
            task.statusReasonCode = exit ? (moved.to() == ReferralStatus.DECLINED ? "person-declined"
                    : moved.reasonCode() == null ? moved.to().code() : moved.reasonCode()) : null;
            task.statusReason = exit ? reasonWords(moved.to()) : null;
            task.updatedAt = Instant.now();
        }
    }

    private static String reasonWords(ReferralStatus to) {
        return switch (to) {
            case DECLINED -> "Social prescribing declined";
            case REJECTED -> "Not appropriate for social prescribing";
            case UNABLE_TO_CONTACT -> "The person could not be contacted";
            case WITHDRAWN -> "The referral was withdrawn";
            default -> to.code();
        };
    }
}
