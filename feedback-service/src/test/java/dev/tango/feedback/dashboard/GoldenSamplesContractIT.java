package dev.tango.feedback.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.EventTypes;
import dev.tango.events.GoldenSamples;
import dev.tango.events.session.TranscriptAppended;
import dev.tango.feedback.FeedbackServiceIntegrationTest;
import dev.tango.testsupport.GoldenStory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Consumer side of the event contracts: every golden sample, sent byte for byte as session-service would, is accepted
 * and applied. The events the samples leave out are sent afterwards (among them the scheduled event of the cancelled
 * session), so samples are first parked, then applied once the gaps are filled.
 */
class GoldenSamplesContractIT extends FeedbackServiceIntegrationTest {

    private static final String TRANSCRIPT = EventTypes.typeOf(TranscriptAppended.class);

    @Test
    void everyGoldenSampleIsAcceptedAndApplied() {
        Map<String, Double> applied = appliedByType();
        double ignoredTranscripts = handled(TRANSCRIPT, "ignored");

        GoldenStory.types().forEach(type -> publisher.publish(GoldenSamples.of(type)));
        publisher.publish(GoldenStory.gaps());

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> web.get()
                        .uri("/api/feedback/students/{id}/sessions", GoldenStory.STUDENT.value())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.sessions[*].lastSequence")
                        .isEqualTo(List.of(2, 8)));
        Map<String, Double> appliedNow = appliedByType();
        // Transcripts are not this projection's business: accepted in their turn, then dropped ("ignored").
        GoldenStory.types()
                .forEach(type -> assertThat(appliedNow.get(type) - applied.get(type))
                        .as(type)
                        .isGreaterThanOrEqualTo(type.equals(TRANSCRIPT) ? 0 : 1));
        assertThat(handled(TRANSCRIPT, "ignored") - ignoredTranscripts).isGreaterThanOrEqualTo(1);

        web.get()
                .uri("/api/feedback/students/{id}/sessions", GoldenStory.STUDENT.value())
                .exchange()
                .expectBody()
                .jsonPath("$.sessions[0].sessionId")
                .isEqualTo(GoldenStory.CANCELLED.value())
                .jsonPath("$.sessions[0].status")
                .isEqualTo("CANCELLED")
                .jsonPath("$.sessions[1].sessionId")
                .isEqualTo(GoldenStory.COMPLETED.value())
                .jsonPath("$.sessions[1].status")
                .isEqualTo("ENDED")
                .jsonPath("$.sessions[1].programId")
                .isEqualTo("pcc-2026-spring")
                .jsonPath("$.sessions[1].scheduledFor")
                .isEqualTo("2026-11-21T14:00:00Z")
                .jsonPath("$.sessions[1].startedAt")
                .isEqualTo("2026-11-21T14:00:05Z")
                .jsonPath("$.sessions[1].endedAt")
                .isEqualTo("2026-11-21T14:45:05Z")
                .jsonPath("$.sessions[1].durationMs")
                .isEqualTo(2_700_000)
                .jsonPath("$.sessions[1].phasesVisited")
                .isEqualTo(List.of("OPENING", "EXPLORING", "ACTION_PLANNING", "CLOSING"))
                .jsonPath("$.sessions[1].currentPhase")
                .isEqualTo("CLOSING");
    }

    private double handled(String type, String outcome) {
        return count(
                "tango.events.processed", "consumer", DashboardProjector.CONSUMER, "type", type, "outcome", outcome);
    }

    private Map<String, Double> appliedByType() {
        Map<String, Double> applied = new HashMap<>();
        GoldenStory.types()
                .forEach(type -> applied.put(
                        type,
                        count(
                                "tango.events.processed",
                                "consumer",
                                DashboardProjector.CONSUMER,
                                "type",
                                type,
                                "outcome",
                                "applied")));
        return applied;
    }
}
