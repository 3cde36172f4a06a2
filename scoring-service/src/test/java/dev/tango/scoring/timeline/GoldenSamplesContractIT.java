package dev.tango.scoring.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.EventTypes;
import dev.tango.events.GoldenSamples;
import dev.tango.events.SessionId;
import dev.tango.events.session.TranscriptAppended;
import dev.tango.scoring.ScoringServiceIntegrationTest;
import dev.tango.testsupport.GoldenStory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Consumer side of the event contracts: every golden sample, sent byte for byte as session-service would, is accepted
 * and applied. The events the samples leave out are sent afterwards, so the samples that come later in their
 * session's sequence are parked first and applied once the gaps are filled.
 */
class GoldenSamplesContractIT extends ScoringServiceIntegrationTest {

    private static final String TRANSCRIPT = EventTypes.typeOf(TranscriptAppended.class);

    @Test
    void everyGoldenSampleIsAcceptedAndApplied() {
        Map<String, Double> applied = appliedByType();
        double ignoredTranscripts = handled(TRANSCRIPT, "ignored");

        GoldenStory.types().forEach(type -> publisher.publish(GoldenSamples.of(type)));
        publisher.publish(GoldenStory.gaps());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertLastSequence(GoldenStory.COMPLETED, 8);
            assertLastSequence(GoldenStory.CANCELLED, 2);
        });
        Map<String, Double> appliedNow = appliedByType();
        // Transcripts are not this projection's business: accepted in their turn, then dropped ("ignored").
        GoldenStory.types()
                .forEach(type -> assertThat(appliedNow.get(type) - applied.get(type))
                        .as(type)
                        .isGreaterThanOrEqualTo(type.equals(TRANSCRIPT) ? 0 : 1));
        assertThat(handled(TRANSCRIPT, "ignored") - ignoredTranscripts).isGreaterThanOrEqualTo(1);
        web.get()
                .uri("/api/scoring/sessions/{id}/timeline", GoldenStory.COMPLETED.value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ENDED")
                .jsonPath("$.studentId")
                .isEqualTo("student-ana")
                .jsonPath("$.startedAt")
                .isEqualTo("2026-11-21T14:00:05Z")
                .jsonPath("$.phases[*].phase")
                .isEqualTo(List.of("OPENING", "EXPLORING", "ACTION_PLANNING", "CLOSING"))
                .jsonPath("$.phases[1].enteredAt")
                .isEqualTo("2026-11-21T14:06:35Z")
                .jsonPath("$.timeInPhaseMs.OPENING")
                .isEqualTo(390_000)
                .jsonPath("$.timeInPhaseMs.EXPLORING")
                .isEqualTo(1_200_000)
                .jsonPath("$.skippedPhases")
                .isEqualTo(List.of("MEANING_MAKING"))
                .jsonPath("$.durationMs")
                .isEqualTo(2_700_000)
                .jsonPath("$.lastSequence")
                .isEqualTo(8);
        web.get()
                .uri("/api/scoring/sessions/{id}/timeline", GoldenStory.CANCELLED.value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED")
                .jsonPath("$.cancelledAt")
                .isEqualTo("2026-11-22T10:15:00Z")
                .jsonPath("$.lastSequence")
                .isEqualTo(2);
    }

    private double handled(String type, String outcome) {
        return count(
                "tango.events.processed", "consumer", TimelineProjector.CONSUMER, "type", type, "outcome", outcome);
    }

    private Map<String, Double> appliedByType() {
        Map<String, Double> applied = new HashMap<>();
        GoldenStory.types()
                .forEach(type -> applied.put(
                        type,
                        count(
                                "tango.events.processed",
                                "consumer",
                                TimelineProjector.CONSUMER,
                                "type",
                                type,
                                "outcome",
                                "applied")));
        return applied;
    }

    private void assertLastSequence(SessionId sessionId, int sequence) {
        web.get()
                .uri("/api/scoring/sessions/{id}/timeline", sessionId.value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.lastSequence")
                .isEqualTo(sequence);
    }
}
