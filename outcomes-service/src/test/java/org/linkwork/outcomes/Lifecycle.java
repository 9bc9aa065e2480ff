package org.linkwork.outcomes;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.linkwork.events.ReferralCreated;
import org.linkwork.events.ReferralStatusChanged;

/** Test data: lifecycle events as referral-service would publish them, for practices unique to each test. */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** A practice code no other test uses, so a test can count its own referrals in the shared database. */
    public static String newPractice() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder("T");
        for (int i = 0; i < 9; i++) {
            sb.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    public static String newReferralId() {
        return UUID.randomUUID().toString();
    }

    public static ReferralCreated created(String referralId, String practice, Instant receivedAt) {
        return created(referralId, practice, receivedAt, null);
    }

    /** A referral that arrived with a team serving it (null: none, or written before teams were carried). */
    public static ReferralCreated created(String referralId, String practice, Instant receivedAt, String teamId) {
        return new ReferralCreated(referralId, "p-" + UUID.randomUUID(), "api", practice, List.of("loneliness", "physical-activity"),
                "routine", "LS6", "75+", "female", "white", 3, null, receivedAt, teamId);
    }

    public static ReferralStatusChanged moved(String referralId, String practice, String from, String to, Instant changedAt) {
        return moved(referralId, practice, from, to, changedAt, null);
    }

    public static ReferralStatusChanged moved(String referralId, String practice, String from, String to, Instant changedAt,
            String teamId) {
        return new ReferralStatusChanged(referralId, "p-" + UUID.randomUUID(), practice, "lw.demo", from, to, null,
                "link-worker", changedAt, teamId, "lw.demo");
    }
}
