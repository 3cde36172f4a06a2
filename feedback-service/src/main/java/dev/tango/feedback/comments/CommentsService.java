package dev.tango.feedback.comments;

import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.feedback.insight.FeedbackRuleException;
import dev.tango.feedback.insight.SessionInsight;
import dev.tango.feedback.insight.SessionInsights;
import dev.tango.support.idempotency.IdempotentIds;
import dev.tango.support.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Comments on sessions: who may write, read, change and answer them. The session's mentors, student and program are
 * known from its events (its insight). Whoever may not see the session is told it does not exist; whoever sees it
 * but may not do this is refused with 403. A refused request changes nothing.
 */
@Service
public class CommentsService {

    /** Sessions per query of {@link #published}. */
    static final int BATCH = 500;

    private static final RetryBackoffSpec ON_CONFLICT = Retry.backoff(10, Duration.ofMillis(5))
            .maxBackoff(Duration.ofMillis(200))
            .jitter(0.5)
            .filter(e -> e instanceof OptimisticLockingFailureException || e instanceof DuplicateKeyException);

    private final SessionCommentsStore store;
    private final SessionInsights insights;
    private final Clock clock;
    private final MeterRegistry meters;

    public CommentsService(SessionCommentsStore store, SessionInsights insights, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.insights = insights;
        this.clock = clock;
        this.meters = meters;
    }

    /** The comments the caller may see, oldest first. */
    public Mono<List<CommentView>> list(SessionId sessionId, Caller caller) {
        return session(sessionId, caller).flatMap(insight -> list(insight, caller));
    }

    /** The comments the caller may see of a session whose insight was read already and is visible to them. */
    public Mono<List<CommentView>> list(SessionInsight insight, Caller caller) {
        return comments(insight.sessionId())
                .map(all -> all.comments().stream()
                        .filter(c -> c.isPublic() || isAuthor(insight, caller, c))
                        .map(c -> CommentView.of(c, isAuthor(insight, caller, c)))
                        .toList());
    }

    // An author who is no longer assigned to the session no longer sees their drafts.
    private static boolean isAuthor(SessionInsight insight, Caller caller, Comment comment) {
        return insight.isMentor(caller) && comment.mentorId().equals(caller.id());
    }

    /**
     * The published comments of these sessions, for the dashboards and the export: one query by {@code _id} per {@link
     * #BATCH} sessions, rather than one per session. Sessions without any are left out.
     */
    public Mono<Map<SessionId, List<Comment>>> published(List<SessionId> sessionIds) {
        return Flux.fromIterable(sessionIds)
                .buffer(BATCH)
                .concatMap(store::findAll)
                .collectMap(
                        SessionComments::sessionId,
                        all -> all.comments().stream().filter(Comment::isPublic).toList());
    }

    /**
     * Writes a comment. Its id is derived from the caller and the request's Idempotency-Key, if it has one: a request
     * run again after its key was taken over finds the comment of its first run and answers it, unchanged.
     */
    public Mono<CommentView> write(SessionId sessionId, Caller caller, CommentContent content, boolean publish) {
        return IdempotentIds.derive("comment", () -> CommentId.newId().value())
                .map(CommentId::of)
                .flatMap(id -> {
                    AtomicBoolean written = new AtomicBoolean();
                    return mentorOf(sessionId, caller)
                            .then(change(sessionId, all -> {
                                if (all.find(id).isPresent()) {
                                    return all;
                                }
                                written.set(true);
                                return all.write(id, caller.id(), content, publish, clock.instant());
                            }))
                            .doOnNext(saved -> {
                                if (publish && written.get()) {
                                    commentsPublished("alone", 1);
                                }
                            })
                            .map(saved -> view(saved, id));
                });
    }

    public Mono<CommentView> edit(SessionId sessionId, CommentId id, Caller caller, CommentContent content) {
        return mentorOf(sessionId, caller)
                .then(change(sessionId, all -> all.edit(id, caller.id(), content, clock.instant())))
                .map(saved -> view(saved, id));
    }

    public Mono<Void> delete(SessionId sessionId, CommentId id, Caller caller) {
        return mentorOf(sessionId, caller)
                .then(change(sessionId, all -> all.delete(id, caller.id(), clock.instant())))
                .then();
    }

    public Mono<CommentView> publish(SessionId sessionId, CommentId id, Caller caller) {
        return mentorOf(sessionId, caller)
                .then(Mono.defer(() -> comments(sessionId)
                        .flatMap(all -> {
                            boolean wasDraft =
                                    all.find(id).map(c -> !c.isPublished()).orElse(false);
                            SessionComments next = all.publish(id, caller.id(), clock.instant());
                            return next == all
                                    ? Mono.just(all)
                                    : store.save(next).doOnNext(saved -> {
                                        if (wasDraft) {
                                            commentsPublished("alone", 1);
                                        }
                                    });
                        })
                        .retryWhen(ON_CONFLICT)))
                .map(saved -> view(saved, id));
    }

    public Mono<CommentView> reply(SessionId sessionId, CommentId id, Caller caller, String body) {
        return session(sessionId, caller)
                .flatMap(insight -> {
                    if (!insight.isStudent(caller)) {
                        return Mono.error(FeedbackRuleException.forbidden("Only the session's student replies"));
                    }
                    return change(sessionId, all -> all.reply(id, caller.id(), body, clock.instant()));
                })
                .map(saved -> CommentView.of(saved.find(id).orElseThrow(), false));
    }

    /**
     * The mentor published a scorecard revision: their drafts go out with it. Counts the scorecard and, for the
     * session's first, the feedback turnaround from the session's end. A revision seen before changes nothing.
     */
    public Mono<SessionComments.Publication> publishWithScorecard(
            SessionId sessionId, UserId mentor, int revision, Instant publishedAt) {
        return Mono.defer(() -> comments(sessionId).flatMap(all -> {
                    SessionComments.Publication publication = all.publishWithScorecard(mentor, revision, publishedAt);
                    return publication.duplicate()
                            ? Mono.just(publication)
                            : store.save(publication.state())
                                    .map(saved -> new SessionComments.Publication(
                                            saved, false, publication.firstScorecard(), publication.published()));
                }))
                .retryWhen(ON_CONFLICT)
                .flatMap(publication -> {
                    if (publication.duplicate()) {
                        return Mono.just(publication);
                    }
                    commentsPublished("scorecard", publication.published());
                    Counter.builder("tango.feedback.scorecards.published")
                            .description("Scorecard revisions published, the first and later ones")
                            .tag("revision", revision == 1 ? "first" : "revised")
                            .register(meters)
                            .increment();
                    if (!publication.firstScorecard()) {
                        return Mono.just(publication);
                    }
                    return insights.find(sessionId)
                            .doOnNext(insight -> {
                                if (insight.endedAt() != null) {
                                    Timer.builder("tango.feedback.turnaround")
                                            .description("From a session's end to its first published scorecard")
                                            .publishPercentileHistogram()
                                            .minimumExpectedValue(Duration.ofMinutes(1))
                                            .maximumExpectedValue(Duration.ofDays(30))
                                            .register(meters)
                                            .record(Duration.between(insight.endedAt(), publishedAt)
                                                    .abs());
                                }
                            })
                            .thenReturn(publication);
                });
    }

    private Mono<SessionInsight> session(SessionId sessionId, Caller caller) {
        return insights.find(sessionId)
                .filter(insight -> insight.isVisibleTo(caller))
                .switchIfEmpty(Mono.error(() -> FeedbackRuleException.notFound("Session", sessionId)));
    }

    private Mono<SessionInsight> mentorOf(SessionId sessionId, Caller caller) {
        return session(sessionId, caller)
                .flatMap(insight -> insight.isMentor(caller)
                        ? Mono.just(insight)
                        : Mono.error(
                                FeedbackRuleException.forbidden("Only the session's assigned mentors write comments")));
    }

    private Mono<SessionComments> comments(SessionId sessionId) {
        return store.find(sessionId).defaultIfEmpty(SessionComments.none(sessionId));
    }

    private Mono<SessionComments> change(SessionId sessionId, Function<SessionComments, SessionComments> how) {
        return Mono.defer(() -> comments(sessionId).flatMap(all -> {
                    SessionComments next = how.apply(all);
                    return next == all ? Mono.just(all) : store.save(next);
                }))
                .retryWhen(ON_CONFLICT);
    }

    private static CommentView view(SessionComments all, CommentId id) {
        return CommentView.of(all.find(id).orElseThrow(), true);
    }

    private void commentsPublished(String with, int count) {
        if (count > 0) {
            Counter.builder("tango.feedback.comments.published")
                    .description("Comments published, alone or with their author's scorecard")
                    .tag("with", with)
                    .register(meters)
                    .increment(count);
        }
    }
}
