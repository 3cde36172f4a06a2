package dev.tango.feedback.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.feedback.FeedbackServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every figure of the dashboard, the session page and the program metrics against {@link KnownScenario}, worked out
 * by hand:
 *
 * <ul>
 *   <li>S1 overall: A's revision 2 (60; revision 1 said 50 and no longer counts) and B's 71, mean 65.5, half up 66.
 *   <li>Session phase scores, S1: OPENING (50+100)/2 = 75, EXPLORING (85+70)/2 = 77.5, MEANING_MAKING 0,
 *       ACTION_PLANNING 100, CLOSING (65+85)/2 = 75; S2: 100, 100, 100, 50, 50. Student averages: 87.50, 88.75,
 *       50.00, 75.00, 62.50.
 *   <li>Times (standard session): OPENING 6 min, EXPLORING 24, MEANING_MAKING 5, ACTION_PLANNING 8, CLOSING 2, for
 *       S1-S3; T1: OPENING 10, CLOSING 10. Program averages over S1-S3 and T1: 420000, 1080000, 225000, 360000,
 *       240000 ms.
 *   <li>Turnaround (end to first revision 1): S1 1 day, S2 2 days, T1 4 days: median 2 days, p90 4 days.
 * </ul>
 */
class ProgressScenarioIT extends FeedbackServiceIntegrationTest {

    private static KnownScenario scenario;

    @BeforeAll
    static void play(@org.springframework.beans.factory.annotation.Autowired WebTestClient client) {
        scenario = new KnownScenario(
                        publisher,
                        token -> client.mutate()
                                .defaultHeaders(h -> h.setBearerAuth(token))
                                .build())
                .play();
    }

    @Test
    void theStudentDashboardShowsEveryFigure() {
        WebTestClient.BodyContentSpec body = scenario.student()
                .get()
                .uri("/api/feedback/students/{id}/dashboard", scenario.s.value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
        body.jsonPath("$.sessions[*].sessionId")
                .isEqualTo(List.of(
                        scenario.s4.sessionId().value(),
                        scenario.s3.sessionId().value(),
                        scenario.s2.sessionId().value(),
                        scenario.s1.sessionId().value()))
                .jsonPath("$.sessions[*].status")
                .isEqualTo(List.of("CANCELLED", "ENDED", "ENDED", "ENDED"))
                .jsonPath("$.sessions[0].overallScore")
                .doesNotExist()
                .jsonPath("$.sessions[1].overallScore")
                .doesNotExist()
                .jsonPath("$.sessions[2].overallScore")
                .isEqualTo(80)
                .jsonPath("$.sessions[3].overallScore")
                .isEqualTo(66)
                .jsonPath("$.sessions[3].scheduledFor")
                .isEqualTo("2025-11-03T10:00:00Z")
                .jsonPath("$.sessions[3].mentorScores[*].mentorId")
                .isEqualTo(List.of(scenario.a.value(), scenario.b.value()))
                .jsonPath("$.sessions[3].mentorScores[*].revision")
                .isEqualTo(List.of(2, 1))
                .jsonPath("$.sessions[3].mentorScores[*].overallScore")
                .isEqualTo(List.of(60, 71))
                .jsonPath("$.sessions[3].comments[*].id")
                .isEqualTo(List.of(scenario.closingComment))
                .jsonPath("$.sessions[1].comments.length()")
                .isEqualTo(0)
                .jsonPath("$.sessions[2].comments[*].id")
                .isEqualTo(List.of(scenario.antiSignalComment))
                .jsonPath("$.scoreTrend[*].sessionId")
                .isEqualTo(List.of(
                        scenario.s1.sessionId().value(), scenario.s2.sessionId().value()))
                .jsonPath("$.scoreTrend[*].overallScore")
                .isEqualTo(List.of(66, 80))
                .jsonPath("$.phases[*].phase")
                .isEqualTo(List.of("OPENING", "EXPLORING", "MEANING_MAKING", "ACTION_PLANNING", "CLOSING"))
                .jsonPath("$.phases[*].averageScore")
                .isEqualTo(List.of(87.50, 88.75, 50.00, 75.00, 62.50))
                .jsonPath("$.phases[*].scoredSessions")
                .isEqualTo(List.of(2, 2, 2, 2, 2))
                .jsonPath("$.phases[*].averageTimeMs")
                .isEqualTo(List.of(360_000, 1_440_000, 300_000, 480_000, 120_000))
                .jsonPath("$.phases[*].programAverageTimeMs")
                .isEqualTo(List.of(420_000, 1_080_000, 225_000, 360_000, 240_000))
                .jsonPath("$.missedMarkers[*].itemId")
                .isEqualTo(List.of("closing.b", "meaning.a", "action.b", "opening.b"))
                .jsonPath("$.missedMarkers[*].count")
                .isEqualTo(List.of(3, 2, 1, 1))
                .jsonPath("$.missedMarkers[0].comments[*].id")
                .isEqualTo(List.of(scenario.closingComment))
                .jsonPath("$.missedMarkers[1].comments.length()")
                .isEqualTo(0)
                .jsonPath("$.antiSignals[*].itemId")
                .isEqualTo(List.of("anti.lead", "anti.complete"))
                .jsonPath("$.antiSignals[*].count")
                .isEqualTo(List.of(3, 1))
                .jsonPath("$.antiSignals[0].comments[*].id")
                .isEqualTo(List.of(scenario.antiSignalComment))
                .jsonPath("$.strengths[*].itemId")
                .isEqualTo(List.of("action.a", "closing.a", "exploring.a", "opening.a", "opening.b"))
                .jsonPath("$.strengths[*].count")
                .isEqualTo(List.of(3, 3, 3, 3, 2));
    }

    @Test
    void theSessionPagePinsCommentsAndPublishedObservationsOnThePhaseTimeline() {
        scenario.student()
                .get()
                .uri("/api/feedback/sessions/{id}", scenario.s1.sessionId().value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.overallScore")
                .isEqualTo(66)
                .jsonPath("$.phases[*].phase")
                .isEqualTo(List.of("OPENING", "EXPLORING", "MEANING_MAKING", "EXPLORING", "ACTION_PLANNING", "CLOSING"))
                .jsonPath("$.phases[*].startMs")
                .isEqualTo(List.of(0, 360_000, 1_560_000, 1_860_000, 2_100_000, 2_580_000))
                .jsonPath("$.phases[*].endMs")
                .isEqualTo(List.of(360_000, 1_560_000, 1_860_000, 2_100_000, 2_580_000, 2_700_000))
                .jsonPath("$.pins[*].timeCodeMs")
                .isEqualTo(List.of(65_000, 400_000, 500_000))
                .jsonPath("$.pins[*].phase")
                .isEqualTo(List.of("OPENING", "EXPLORING", "EXPLORING"))
                .jsonPath("$.pins[0].observation.itemId")
                .isEqualTo("opening.a")
                .jsonPath("$.pins[1].observation.kind")
                .isEqualTo("ANTI_SIGNAL")
                .jsonPath("$.pins[2].comment.id")
                .isEqualTo(scenario.closingComment)
                .jsonPath("$.comments[*].id")
                .isEqualTo(List.of(scenario.closingComment))
                .jsonPath("$.transcript[*].speaker")
                .isEqualTo(List.of("COACH", "CLIENT"))
                .jsonPath("$.transcript[1].text")
                .isEqualTo("Let us start with my goal.");

        // Mentor B sees their own draft; the student never does.
        scenario.mentorB()
                .get()
                .uri("/api/feedback/sessions/{id}", scenario.s3.sessionId().value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.comments[*].id")
                .isEqualTo(List.of(scenario.lateDraft));
        scenario.student()
                .get()
                .uri("/api/feedback/sessions/{id}", scenario.s3.sessionId().value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.comments.length()")
                .isEqualTo(0);
    }

    @Test
    void programMetricsOverThePeriod() {
        scenario.admin()
                .get()
                .uri("/api/feedback/programs/{p}/metrics?from=2025-11-01&to=2025-12-31", scenario.program.value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sessions")
                .isEqualTo(4)
                .jsonPath("$.sessionsHeldByWeek[*].week")
                .isEqualTo(List.of("2025-W45", "2025-W46", "2025-W47", "2025-W49"))
                .jsonPath("$.sessionsHeldByWeek[*].sessions")
                .isEqualTo(List.of(1, 1, 1, 1))
                .jsonPath("$.scoreDistribution[*].sessions")
                .isEqualTo(List.of(0, 0, 0, 0, 1, 0, 1, 0, 1, 0))
                .jsonPath("$.scoreDistribution[9].low")
                .isEqualTo(90)
                .jsonPath("$.scoreDistribution[9].high")
                .isEqualTo(100)
                .jsonPath("$.cohorts[*].cohort")
                .isEqualTo(List.of(scenario.program + "/2025-11", scenario.program + "/2025-12"))
                .jsonPath("$.cohorts[*].students")
                .isEqualTo(List.of(1, 1))
                .jsonPath("$.cohorts[*].scoredSessions")
                .isEqualTo(List.of(2, 1))
                .jsonPath("$.cohorts[0].averagePhaseScores")
                .isEqualTo(Map.of(
                        "OPENING", 87.50,
                        "EXPLORING", 88.75,
                        "MEANING_MAKING", 50.00,
                        "ACTION_PLANNING", 75.00,
                        "CLOSING", 62.50))
                .jsonPath("$.cohorts[1].averagePhaseScores")
                .isEqualTo(Map.of(
                        "OPENING", 100.00,
                        "EXPLORING", 0.00,
                        "MEANING_MAKING", 0.00,
                        "ACTION_PLANNING", 0.00,
                        "CLOSING", 100.00))
                .jsonPath("$.mostMissedMarkers[*].itemId")
                .isEqualTo(List.of("closing.b", "meaning.a", "action.b", "action.a", "exploring.a", "opening.b"))
                .jsonPath("$.mostMissedMarkers[*].count")
                .isEqualTo(List.of(3, 3, 2, 1, 1, 1))
                .jsonPath("$.turnaround.sessions")
                .isEqualTo(3)
                .jsonPath("$.turnaround.medianMs")
                .isEqualTo(172_800_000)
                .jsonPath("$.turnaround.p90Ms")
                .isEqualTo(345_600_000)
                .jsonPath("$.mentorWorkload[*].mentorId")
                .isEqualTo(List.of(scenario.a.value(), scenario.b.value()))
                .jsonPath("$.mentorWorkload[*].assigned")
                .isEqualTo(List.of(4, 3))
                .jsonPath("$.mentorWorkload[*].scored")
                .isEqualTo(List.of(3, 1))
                .jsonPath("$.mentorWorkload[*].awaitingPublication")
                .isEqualTo(List.of(1, 2))
                .jsonPath("$.unscoredAfter")
                .isEqualTo("PT168H")
                .jsonPath("$.unscored[*].sessionId")
                .isEqualTo(List.of(scenario.s3.sessionId().value()))
                .jsonPath("$.unscored[0].endedAt")
                .isEqualTo("2025-11-17T10:45:05Z");
    }

    @Test
    void theCsvExportHasOneRowPerScorecardObservationAndPublishedComment() {
        String csv = scenario.admin()
                .get()
                .uri("/api/feedback/programs/{p}/export.csv?from=2025-11-01&to=2025-12-31", scenario.program.value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/csv")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        List<String> lines = csv.lines().toList();

        assertThat(lines.get(0)).isEqualTo(String.join(",", CsvExport.COLUMNS));
        assertThat(lines.stream().skip(1).map(line -> line.substring(0, line.indexOf(','))))
                .as("S1: 2 scorecards, 3 observations, 1 comment; S2: 1 scorecard, 1 comment; T1: 1 scorecard")
                .containsExactly(
                        "scorecard",
                        "scorecard",
                        "observation",
                        "observation",
                        "observation",
                        "comment",
                        "scorecard",
                        "comment",
                        "scorecard");
        assertThat(lines.get(1))
                .startsWith(
                        "scorecard," + scenario.s1.sessionId() + "," + scenario.s + "," + scenario.a
                                + ",2025-11-03T10:00:00Z,2025-11-03T10:45:05Z,partnership,1,2,60,50.00,85.00,0.00,100.00,65.00,");
        assertThat(lines.get(5)).contains(",obs-3,true,");
    }
}
