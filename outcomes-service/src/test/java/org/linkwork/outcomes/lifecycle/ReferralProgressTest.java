package org.linkwork.outcomes.lifecycle;

import static org.linkwork.outcomes.Lifecycle.created;
import static org.linkwork.outcomes.Lifecycle.moved;
import static org.linkwork.outcomes.Lifecycle.newPractice;
import static org.linkwork.outcomes.Lifecycle.newReferralId;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linkwork.events.Topic;
import org.linkwork.outcomes.Kpis;
import org.linkwork.outcomes.SamePartition;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;

/** The projection of each referral's current status, fed through the real broker, read through GET /kpis. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class ReferralProgressTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void aNewReferralIsReceivedAndEachStatusChangeMovesTheCounts() {
        String practice = newPractice();
        String id = newReferralId();
        Instant t = Instant.now();

        TopicProbe.publish(created(id, practice, t));
        Kpis.awaitPractice(practice, Map.of("received", 1));

        TopicProbe.publish(moved(id, practice, "received", "accepted", t.plus(MINUTE)));
        Kpis.awaitPractice(practice, Map.of("accepted", 1));

        TopicProbe.publish(moved(id, practice, "accepted", "in-activity", t.plus(MINUTE.multipliedBy(2))));
        Kpis.awaitPractice(practice, Map.of("in-activity", 1));

        String second = newReferralId();
        TopicProbe.publish(created(second, practice, t));
        TopicProbe.publish(moved(second, practice, "received", "unable-to-contact", t.plus(MINUTE)));
        Kpis.awaitPractice(practice, Map.of("in-activity", 1, "unable-to-contact", 1));
    }

    @Test
    void aStatusChangeThatArrivesBeforeItsReferralCreatedStillCountsAndCreationDoesNotUndoIt() {
        String practice = newPractice();
        String id = newReferralId();
        Instant received = Instant.parse("2023-04-05T10:00:00Z");

        TopicProbe.publish(moved(id, practice, "received", "assessed", received.plus(MINUTE)));
        Kpis.awaitPractice(practice, Map.of("assessed", 1));
        // without its referral-created, the referral has no received day yet
        Kpis.awaitCounts(Map.of(), "practice", practice, "from", "2023-04-05", "to", "2023-04-05");

        TopicProbe.publish(created(id, practice, received));
        // the created event fills in the received day, and leaves the later status alone
        Kpis.awaitCounts(Map.of("assessed", 1), "practice", practice, "from", "2023-04-05", "to", "2023-04-05");
        Kpis.awaitPractice(practice, Map.of("assessed", 1));
    }

    @Test
    void statusChangesThatArriveOutOfOrderSettleOnTheLatest() {
        String practice = newPractice();
        String id = newReferralId();
        Instant t = Instant.now();

        TopicProbe.publish(created(id, practice, t));
        TopicProbe.publish(moved(id, practice, "contacted", "assessed", t.plus(MINUTE.multipliedBy(3))));
        TopicProbe.publish(moved(id, practice, "received", "accepted", t.plus(MINUTE)));
        TopicProbe.publish(moved(id, practice, "accepted", "contacted", t.plus(MINUTE.multipliedBy(2))));
        // a marker behind them on the same partition: once it shows, the older changes have been read
        String markerPractice = newPractice();
        String marker = SamePartition.referralIdBeside(Topic.REFERRAL_STATUS_CHANGED, id);
        TopicProbe.publish(moved(marker, markerPractice, "received", "accepted", t));
        Kpis.awaitPractice(markerPractice, Map.of("accepted", 1));
        Kpis.awaitPractice(practice, Map.of("assessed", 1));
    }

    @Test
    void manyReferralsWithTheirTwoTopicsInterleavedEachEndInTheirLatestStatus() {
        String practice = newPractice();
        Instant received = Instant.parse("2024-02-29T12:00:00Z");
        int referrals = 12;
        for (int i = 0; i < referrals; i++) {
            String id = newReferralId();
            if (i % 2 == 0) {
                TopicProbe.publish(created(id, practice, received));
                TopicProbe.publish(moved(id, practice, "received", "accepted", received.plus(MINUTE)));
            } else {
                TopicProbe.publish(moved(id, practice, "matched", "withdrawn", received.plus(MINUTE)));
                TopicProbe.publish(created(id, practice, received));
            }
        }
        Kpis.awaitCounts(Map.of("accepted", referrals / 2, "withdrawn", referrals / 2),
                "practice", practice, "from", "2024-02-29", "to", "2024-02-29");
    }
}
