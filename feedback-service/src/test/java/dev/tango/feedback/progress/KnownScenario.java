package dev.tango.feedback.progress;

import static dev.tango.feedback.ScoreStory.phase;
import static org.awaitility.Awaitility.await;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.Speaker;
import dev.tango.events.UserId;
import dev.tango.events.score.ObservationKind;
import dev.tango.events.score.PhaseResult;
import dev.tango.events.session.TranscriptAppended;
import dev.tango.events.session.TranscriptSegment;
import dev.tango.feedback.ScoreStory;
import dev.tango.testsupport.SessionEventsPublisher;
import dev.tango.testsupport.SessionStory;
import dev.tango.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A program with known answers, in its own fresh program. Student S has four sessions: S1 (2025-11-03, ISO week 45,
 * scored by mentors A and B, A revised), S2 (2025-11-10, W46, scored by A only), S3 (2025-11-17, W47, ended, never
 * scored) and S4 (cancelled). Student T has T1 (2025-12-01, W49, OPENING and CLOSING only, scored by A). Every
 * session but T1 and S4 is the whole standard session of {@link SessionStory#wholeSession()}. The figures these give
 * are worked out in {@link ProgressScenarioIT}.
 */
final class KnownScenario {

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final ProgramId program = ProgramId.of("prog-" + run);
    final UserId s = UserId.of("s-" + run);
    final UserId t = UserId.of("t-" + run);
    final UserId a = UserId.of("a-" + run);
    final UserId b = UserId.of("b-" + run);
    final SessionStory s1 = story(s, "2025-11-03T10:00:00Z", a, b);
    final SessionStory s2 = story(s, "2025-11-10T10:00:00Z", a, b);
    final SessionStory s3 = story(s, "2025-11-17T10:00:00Z", a, b);
    final SessionStory s4 = story(s, "2025-11-20T10:00:00Z", a, b);
    final SessionStory t1 = story(t, "2025-12-01T10:00:00Z", a);
    String closingComment;
    String antiSignalComment;
    String lateDraft;

    private final SessionEventsPublisher publisher;
    private final Function<String, WebTestClient> as;

    KnownScenario(SessionEventsPublisher publisher, Function<String, WebTestClient> as) {
        this.publisher = publisher;
        this.as = as;
    }

    String adminToken() {
        return TestTokens.get().admin("admin-" + run, program.value());
    }

    WebTestClient admin() {
        return as.apply(adminToken());
    }

    WebTestClient student() {
        return as.apply(TestTokens.get().student(s.value()));
    }

    WebTestClient mentorA() {
        return as.apply(TestTokens.get().mentor(a.value()));
    }

    WebTestClient mentorB() {
        return as.apply(TestTokens.get().mentor(b.value()));
    }

    /** Publishes every event, waits until all are projected, then writes the comments. */
    KnownScenario play() {
        publisher.publish(s1.wholeSession());
        publisher.publish(EventEnvelope.of(
                SessionStory.SOURCE,
                Instant.parse("2025-11-03T11:00:00Z"),
                s1.events().size() + 1,
                new TranscriptAppended(
                        s1.sessionId(),
                        0,
                        TranscriptAppended.Origin.IMPORTED,
                        List.of(
                                new TranscriptSegment(0, Speaker.COACH, "How shall we work today?", 0, 4_000),
                                new TranscriptSegment(
                                        1, Speaker.CLIENT, "Let us start with my goal.", 4_000, 9_000)))));
        publisher.publish(s2.wholeSession());
        publisher.publish(s3.wholeSession());
        publisher.publish(s4.scheduled());
        publisher.publish(s4.cancelled("Client was unwell"));
        t1.scheduled();
        t1.started();
        t1.phase(Phase.OPENING, Duration.ZERO);
        t1.phase(Phase.CLOSING, Duration.ofMinutes(10));
        t1.ended(Duration.ofMinutes(10));
        publisher.publish(t1.events());

        Instant s1End = Instant.parse("2025-11-03T10:45:05Z");
        ScoreStory s1Scores = new ScoreStory(s1);
        publisher.publish(s1Scores.observed(
                a, ObservationKind.MARKER, "opening.a", Phase.OPENING, 65_000, "Asked how to work together", s1End));
        publisher.publish(s1Scores.observed(
                b, ObservationKind.ANTI_SIGNAL, "anti.lead", Phase.EXPLORING, 400_000, "Chose the path", s1End));
        publisher.publish(s1Scores.observed(
                a, ObservationKind.MARKER, "closing.a", Phase.EXPLORING, 700_000, "Wrong one", s1End));
        publisher.publish(s1Scores.retracted(a, ScoreStory.observationId(3), s1End));
        publisher.publish(s1Scores.published(a, 50, ScoreStory.flat(50), s1End.plus(Duration.ofDays(1))));
        publisher.publish(s1Scores.published(b, 71, s1ByB(), s1End.plus(Duration.ofDays(3))));
        publisher.publish(s1Scores.revised(a, 2, 60, s1ByA(), s1End.plus(Duration.ofDays(5))));

        Instant s2End = Instant.parse("2025-11-10T10:45:05Z");
        ScoreStory s2Scores = new ScoreStory(s2);
        publisher.publish(s2Scores.published(a, 80, s2ByA(), s2End.plus(Duration.ofDays(2))));

        Instant t1End = Instant.parse("2025-12-01T10:20:05Z");
        ScoreStory t1Scores = new ScoreStory(t1);
        publisher.publish(t1Scores.published(a, 40, t1ByA(), t1End.plus(Duration.ofDays(4))));

        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> admin().get()
                        .uri("/api/feedback/programs/{p}/metrics?from=2025-11-01&to=2025-12-31", program.value())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.sessions")
                        .isEqualTo(4)
                        .jsonPath("$.turnaround.sessions")
                        .isEqualTo(3)
                        .jsonPath("$.mentorWorkload[0].scored")
                        .isEqualTo(3)
                        .jsonPath("$.mentorWorkload[1].scored")
                        .isEqualTo(1));
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> student()
                        .get()
                        .uri("/api/feedback/sessions/{id}", s1.sessionId().value())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.transcript.length()")
                        .isEqualTo(2)
                        .jsonPath("$.mentorScores[0].revision")
                        .isEqualTo(2)
                        .jsonPath("$.pins.length()")
                        .isEqualTo(2));

        closingComment = comment(
                mentorA(),
                s1.sessionId(),
                "{\"body\":\"Ask what is missing\",\"kind\":\"SUGGESTION\","
                        + "\"itemId\":\"closing.b\",\"timeCodeMs\":500000,\"publish\":true}");
        antiSignalComment = comment(
                mentorA(),
                s2.sessionId(),
                "{\"body\":\"Follow the client\",\"kind\":\"SUGGESTION\","
                        + "\"itemId\":\"anti.lead\",\"publish\":true}");
        // On S3, which no scorecard will publish.
        lateDraft =
                comment(mentorB(), s3.sessionId(), "{\"body\":\"Not yet\",\"kind\":\"NOTE\",\"itemId\":\"meaning.a\"}");
        return this;
    }

    private static String comment(WebTestClient client, SessionId session, String json) {
        return client.post()
                .uri("/api/feedback/sessions/{s}/comments", session.value())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
    }

    private SessionStory story(UserId student, String at, UserId... mentors) {
        return SessionStory.of(SessionId.newId(), student, Instant.parse(at))
                .inProgram(program)
                .withMentors(mentors);
    }

    // Overall 60 = (50 + 85 + 0 + 100 + 65) / 5
    private static List<PhaseResult> s1ByA() {
        return List.of(
                phase(Phase.OPENING, 50, List.of("opening.a"), List.of("opening.b"), Map.of()),
                phase(Phase.EXPLORING, 85, List.of("exploring.a"), List.of(), Map.of("anti.lead", 1)),
                phase(Phase.MEANING_MAKING, 0, List.of(), List.of("meaning.a"), Map.of()),
                phase(Phase.ACTION_PLANNING, 100, List.of("action.a", "action.b"), List.of(), Map.of()),
                phase(Phase.CLOSING, 65, List.of("closing.a"), List.of("closing.b"), Map.of()));
    }

    // Overall 71 = (100 + 70 + 0 + 100 + 85) / 5
    private static List<PhaseResult> s1ByB() {
        return List.of(
                phase(Phase.OPENING, 100, List.of("opening.a", "opening.b"), List.of(), Map.of()),
                phase(Phase.EXPLORING, 70, List.of("exploring.a"), List.of(), Map.of("anti.lead", 2)),
                phase(Phase.MEANING_MAKING, 0, List.of(), List.of("meaning.a"), Map.of()),
                phase(Phase.ACTION_PLANNING, 100, List.of("action.a"), List.of(), Map.of()),
                phase(Phase.CLOSING, 85, List.of("closing.a"), List.of("closing.b"), Map.of("anti.complete", 1)));
    }

    // Overall 80 = (100 + 100 + 100 + 50 + 50) / 5
    private static List<PhaseResult> s2ByA() {
        return List.of(
                phase(Phase.OPENING, 100, List.of("opening.a", "opening.b"), List.of(), Map.of()),
                phase(Phase.EXPLORING, 100, List.of("exploring.a"), List.of(), Map.of()),
                phase(Phase.MEANING_MAKING, 100, List.of("meaning.a"), List.of(), Map.of()),
                phase(Phase.ACTION_PLANNING, 50, List.of("action.a"), List.of("action.b"), Map.of()),
                phase(Phase.CLOSING, 50, List.of("closing.a"), List.of("closing.b"), Map.of()));
    }

    // Overall 40 = (100 + 0 + 0 + 0 + 100) / 5
    private static List<PhaseResult> t1ByA() {
        return List.of(
                phase(Phase.OPENING, 100, List.of("opening.a"), List.of(), Map.of()),
                phase(Phase.EXPLORING, 0, List.of(), List.of("exploring.a"), Map.of()),
                phase(Phase.MEANING_MAKING, 0, List.of(), List.of("meaning.a"), Map.of()),
                phase(Phase.ACTION_PLANNING, 0, List.of(), List.of("action.a", "action.b"), Map.of()),
                phase(Phase.CLOSING, 100, List.of("closing.a"), List.of(), Map.of()));
    }
}
