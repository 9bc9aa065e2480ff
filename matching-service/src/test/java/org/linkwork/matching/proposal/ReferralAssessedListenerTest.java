package org.linkwork.matching.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linkwork.matching.Fixtures.assessment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linkwork.events.EventJson;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.ReferralAssessed;
import org.linkwork.events.Topic;
import org.linkwork.matching.Fixtures;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class ReferralAssessedListenerTest {

    private static ReferralAssessed byLinkWorker(ReferralAssessed a, String linkWorker) {
        return new ReferralAssessed(a.referralId(), a.personRef(), a.referrerOrganization(), linkWorker, a.needs(), a.goalAreas(),
                a.interests(), a.preferences(), a.healthConditions(), a.accessibilityRequirements(), a.digitalAccess(), a.travel(),
                a.costSensitive(), a.ageBand(), a.reassessment(), a.assessedAt());
    }

    @Test
    void aRedeliveredAssessmentIsProposedForOnce() {
        String referralId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        ReferralAssessed assessed = assessment(referralId, List.of("loneliness"), List.of(), "LS6", null);
        String payload = EventJson.write(assessed);
        TopicProbe.publish(Topic.REFERRAL_ASSESSED, referralId, payload, eventId);
        Fixtures.awaitProposal(referralId);

        // the same event again, then a re-assessment on the same key, so it is read after the redelivery; the relay
        // keeps the outbox's order, so once the marker's proposal is out, one for the redelivery would be out too
        TopicProbe.publish(Topic.REFERRAL_ASSESSED, referralId, payload, eventId);
        TopicProbe.publish(byLinkWorker(assessed, "lw.marker"));

        List<MatchProposed> published = Fixtures.awaitProposalsUntil(referralId,
                proposals -> proposals.stream().anyMatch(p -> "lw.marker".equals(p.linkWorker())));
        assertThat(published).extracting(MatchProposed::linkWorker).containsExactly("lw.demo", "lw.marker");
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        String poisonId = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.REFERRAL_ASSESSED, "broken", "{this is not json", poisonId);
        String notUuidId = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.REFERRAL_ASSESSED, "not-a-uuid",
                EventJson.write(assessment("not-a-uuid", List.of("loneliness"), List.of(), "LS6", null)), notUuidId);
        String tombstoneId = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.REFERRAL_ASSESSED, UUID.randomUUID().toString(), null, tombstoneId);

        TopicProbe.awaitRecords(List.of("referral-assessed.dlq.matching-service"),
                seen -> seen.stream().map(r -> TopicProbe.header(r, "ce_id")).toList()
                        .containsAll(List.of(poisonId, notUuidId, tombstoneId)), Fixtures.PATIENCE);

        String referralId = UUID.randomUUID().toString();
        TopicProbe.publish(assessment(referralId, List.of("loneliness"), List.of(), "LS6", null));
        assertThat(Fixtures.awaitProposal(referralId).referralId()).isEqualTo(referralId);
    }
}
