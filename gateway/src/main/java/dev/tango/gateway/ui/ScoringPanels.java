package dev.tango.gateway.ui;

import dev.tango.events.SessionId;
import dev.tango.gateway.security.TangoPrincipal;
import dev.tango.gateway.ui.client.MyScorecard;
import dev.tango.gateway.ui.client.RubricCall;
import dev.tango.gateway.ui.client.RubricVersion;
import dev.tango.gateway.ui.client.Scorecard;
import dev.tango.gateway.ui.client.ScorecardsClient;
import dev.tango.gateway.ui.client.SessionDetail;
import dev.tango.gateway.ui.client.SessionRubric;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads what the scoring panel shows for one person: an assigned mentor's rubric, scorecard and (when asked for) its
 * preview; the session's student's published scorecards; for anyone else nothing, and nothing is asked of
 * scoring-service. The session and its current phase come from session-service (the page already read them), so the
 * marker buttons follow a phase move at once, even before scoring-service has heard of it (unless the mentor chose
 * the phase whose markers to see).
 */
@Component
class ScoringPanels {

    static final String CATCHING_UP = "Scoring is catching up with this session: it was only just scheduled, started"
            + " or changed, and the scoring-service has not heard of it yet. This part reloads by itself in a moment.";
    static final String UNAVAILABLE =
            "Scoring cannot be shown right now: the scoring-service is not available. The session itself is not"
                    + " affected; reload the page later.";

    private final ScorecardsClient scorecards;

    ScoringPanels(ScorecardsClient scorecards) {
        this.scorecards = scorecards;
    }

    static ScoringPanel.Audience audience(TangoPrincipal me, SessionDetail session) {
        if (me == null || session == null) {
            return ScoringPanel.Audience.NONE;
        }
        if (session.mentorIds().contains(me.subject())) {
            return ScoringPanel.Audience.MENTOR;
        }
        return me.subject().equals(session.studentId()) ? ScoringPanel.Audience.STUDENT : ScoringPanel.Audience.NONE;
    }

    Mono<ScoringPanel> load(
            TangoPrincipal me, SessionDetail session, ConsoleFeedback feedback, boolean preview, String markers) {
        SessionId id = SessionId.of(session.id());
        return switch (audience(me, session)) {
            case NONE -> Mono.just(ScoringPanel.none());
            case MENTOR -> {
                Mono<RubricCall<Scorecard>> previewed =
                        preview && session.ended() ? scorecards.preview(me, id) : Mono.just(RubricCall.notFound());
                yield Mono.zip(scorecards.rubric(me, id), scorecards.mine(me, id), previewed)
                        .map(calls -> mentor(session, calls.getT1(), calls.getT2(), calls.getT3(), markers, feedback));
            }
            case STUDENT ->
                Mono.zip(scorecards.rubric(me, id), scorecards.published(me, id))
                        .map(calls -> student(session, calls.getT1(), calls.getT2()));
        };
    }

    private static ScoringPanel mentor(
            SessionDetail session,
            RubricCall<SessionRubric> rubric,
            RubricCall<MyScorecard> mine,
            RubricCall<Scorecard> preview,
            String markers,
            ConsoleFeedback feedback) {
        ScoringPanel.Audience mentor = ScoringPanel.Audience.MENTOR;
        if (rubric.isUnavailable() || mine.isUnavailable()) {
            return ScoringPanel.notReady(mentor, ScoringPanel.State.UNAVAILABLE, UNAVAILABLE, session, feedback);
        }
        if (rubric.isNotFound() || mine.isNotFound() || rubric.value().content() == null) {
            return ScoringPanel.notReady(mentor, ScoringPanel.State.CATCHING_UP, CATCHING_UP, session, feedback);
        }
        if (!rubric.isOk() || !mine.isOk()) {
            RubricCall.Problem problem = rubric.isOk() ? mine.problem() : rubric.problem();
            return ScoringPanel.notReady(
                    mentor,
                    ScoringPanel.State.REFUSED,
                    "The scoring-service does not show you a scorecard of this session"
                            + (problem.detail() == null ? "." : ": " + problem.detail()),
                    session,
                    feedback);
        }
        return ScoringPanel.mentor(
                session,
                rubric.value().content(),
                mine.value(),
                preview.isOk() ? preview.value() : null,
                markers,
                feedback);
    }

    private static ScoringPanel student(
            SessionDetail session, RubricCall<SessionRubric> rubric, RubricCall<List<Scorecard>> published) {
        if (published.isUnavailable()) {
            return ScoringPanel.notReady(
                    ScoringPanel.Audience.STUDENT,
                    ScoringPanel.State.UNAVAILABLE,
                    "Scorecards cannot be shown right now: the scoring-service is not available.",
                    session,
                    ConsoleFeedback.none());
        }
        RubricVersion.Content content = rubric.isOk() ? rubric.value().content() : null;
        // Not known to scoring-service yet, or nothing published: either way there is no scorecard to show.
        return ScoringPanel.student(session, content, published.isOk() ? published.value() : List.of());
    }
}
