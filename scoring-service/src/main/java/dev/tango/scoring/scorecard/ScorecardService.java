package dev.tango.scoring.scorecard;

import dev.tango.events.SessionId;
import dev.tango.scoring.rubric.Rubric;
import dev.tango.scoring.rubric.RubricCatalog;
import dev.tango.scoring.timeline.SessionTimeline;
import dev.tango.scoring.timeline.SessionTimelines;
import dev.tango.support.idempotency.IdempotentIds;
import dev.tango.support.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The use cases of scoring: find the session (its timeline, from session events) and check the caller's part in it
 * ({@link ScoringAccess}), find the rubric version it is scored against, change the session's scoring and store it with
 * its events. Two mentors scoring at once do not lose each other's observations: a write that raced another is
 * retried on the fresh state.
 */
@Service
public class ScorecardService {

    private static final Retry RACES = Retry.backoff(5, Duration.ofMillis(20))
            .filter(e -> e instanceof OptimisticLockingFailureException || e instanceof DuplicateKeyException)
            .onRetryExhaustedThrow((spec, signal) -> signal.failure());

    private final SessionTimelines timelines;
    private final SessionScorings scorings;
    private final RubricCatalog rubrics;
    private final Clock clock;

    public ScorecardService(SessionTimelines timelines, SessionScorings scorings, RubricCatalog rubrics, Clock clock) {
        this.timelines = timelines;
        this.scorings = scorings;
        this.rubrics = rubrics;
        this.clock = clock;
    }

    /** The rubric version the session is scored against: the one recorded, or the one its program uses. */
    public Mono<Rubric> rubricOf(SessionId id, Caller caller) {
        return visible(id, caller).flatMap(session -> scorings.find(id).flatMap(scoring -> rubricOf(session, scoring)));
    }

    /**
     * Records an observation. Its id is derived from the caller and the request's Idempotency-Key, if it has one: a
     * request run again after its key was taken over answers the observation of its first run and records none.
     */
    public Mono<Observation> record(SessionId id, ObservationDraft draft, Caller caller) {
        return IdempotentIds.derive("observation", () -> UUID.randomUUID().toString())
                .flatMap(observationId -> change(
                        id,
                        caller,
                        (session, scoring) -> rubricOf(session, scoring)
                                .map(rubric -> scoring.record(
                                        observationId, draft, caller.id(), rubric, session, clock.instant()))));
    }

    /**
     * Retracts an observation. A request with an Idempotency-Key run again after its key was taken over (the first run
     * stored the retraction, its key was not completed) answers that retraction instead of refusing it as done.
     */
    public Mono<Observation> retract(SessionId id, String observationId, String reason, Caller caller) {
        // Without a key, no request id ("").
        return IdempotentIds.derive("retraction", () -> "")
                .flatMap(requestId -> change(
                        id,
                        caller,
                        (session, scoring) -> Mono.fromCallable(() -> scoring.retract(
                                observationId,
                                caller.id(),
                                reason,
                                clock.instant(),
                                requestId.isEmpty() ? null : requestId))));
    }

    /**
     * Publishes the mentor's scorecard. A request with an Idempotency-Key run again after its key was taken over
     * answers the publication it stored instead of refusing it as "nothing changed".
     */
    public Mono<PublishedScorecard> publish(SessionId id, Caller caller) {
        // Without a key, no request id ("").
        return IdempotentIds.derive("publication", () -> "")
                .flatMap(requestId -> change(
                        id,
                        caller,
                        (session, scoring) -> rubricOf(session, scoring)
                                .map(rubric -> scoring.publish(
                                        ScoreFormula.score(
                                                rubric,
                                                caller.id(),
                                                SessionScoring.factsOf(session),
                                                scoring.observations()),
                                        session,
                                        clock.instant(),
                                        requestId.isEmpty() ? null : requestId))));
    }

    /** The calling mentor's draft scorecard, observations and last publication. */
    public Mono<MyScorecard> mine(SessionId id, Caller caller) {
        return visible(id, caller).flatMap(session -> {
            if (!ScoringAccess.mayScore(caller, session)) {
                return Mono.error(
                        ScoringRuleException.forbidden("Only the session's assigned mentors have a scorecard of it."));
            }
            return scorings.find(id)
                    .flatMap(scoring -> rubricOf(session, scoring).map(rubric -> {
                        Scorecard draft = ScoreFormula.score(
                                rubric, caller.id(), SessionScoring.factsOf(session), scoring.observations());
                        PublishedScorecard last = scoring.publishedBy(caller.id());
                        boolean changed = !PublishedScorecard.of(draft, 0, clock.instant())
                                .sameAssessmentAs(last);
                        return new MyScorecard(draft, scoring.observationsOf(caller.id()), last, changed);
                    }));
        });
    }

    /** The published scorecards of the session, the latest revision of each mentor's; never a draft. */
    public Mono<List<PublishedScorecard>> published(SessionId id, Caller caller) {
        return visible(id, caller).flatMap(session -> scorings.find(id)).map(SessionScoring::published);
    }

    /** Every observation of the session, for its program's admins; a mentor gets their own. */
    public Mono<List<Observation>> observations(SessionId id, Caller caller) {
        return visible(id, caller)
                .flatMap(session -> scorings.find(id).map(scoring -> {
                    if (ScoringAccess.maySeeAllObservations(caller, session)) {
                        return scoring.observations();
                    }
                    if (ScoringAccess.mayScore(caller, session)) {
                        return scoring.observationsOf(caller.id());
                    }
                    throw ScoringRuleException.forbidden(
                            "Observations are for the session's mentors and its program's admins.");
                }));
    }

    private <T> Mono<T> change(
            SessionId id,
            Caller caller,
            java.util.function.BiFunction<SessionTimeline, SessionScoring, Mono<T>> intention) {
        return visible(id, caller).flatMap(session -> {
            if (!ScoringAccess.mayScore(caller, session)) {
                return Mono.error(ScoringRuleException.forbidden(
                        "Only the session's assigned mentors record, retract and publish."));
            }
            return Mono.defer(() -> scorings.find(id)
                            .flatMap(scoring -> intention
                                    .apply(session, scoring)
                                    // Every change causes an event; none, nothing to store.
                                    .flatMap(result -> scoring.pendingEvents().isEmpty()
                                            ? Mono.just(result)
                                            : scorings.save(scoring).thenReturn(result))))
                    .retryWhen(RACES);
        });
    }

    private Mono<SessionTimeline> visible(SessionId id, Caller caller) {
        return timelines
                .find(id)
                .filter(session -> ScoringAccess.maySee(caller, session))
                .switchIfEmpty(Mono.error(() -> ScoringRuleException.notFound("Session", id)));
    }

    private Mono<Rubric> rubricOf(SessionTimeline session, SessionScoring scoring) {
        if (scoring.rubric() != null) {
            return rubrics.find(scoring.rubric())
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException("Session " + session.sessionId()
                            + " is scored against " + scoring.rubric() + ", which is missing")));
        }
        return rubrics.inUseBy(
                session.programId(), session.startedAt() != null ? session.startedAt() : clock.instant());
    }
}
