package dev.tango.feedback.progress;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.feedback.comments.Comment;
import dev.tango.feedback.comments.CommentView;
import dev.tango.feedback.comments.CommentsService;
import dev.tango.feedback.insight.FeedbackRuleException;
import dev.tango.feedback.insight.PhaseTimeTotals;
import dev.tango.feedback.insight.SessionInsight;
import dev.tango.feedback.insight.SessionInsights;
import dev.tango.support.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Progress as each caller may see it: a student their own, a mentor the sessions assigned to them, an admin those of
 * their programs. Whatever the caller may not see answers 404, exactly as what does not exist.
 */
@Service
public class ProgressService {

    private final SessionInsights insights;
    private final CommentsService comments;
    private final Clock clock;
    private final Duration unscoredAfter;
    private final AsyncLoadingCache<ProgramId, PhaseTimeTotals> programTimes;

    public ProgressService(
            SessionInsights insights,
            CommentsService comments,
            Clock clock,
            @Value("${tango.feedback.unscored-after:7d}") Duration unscoredAfter,
            @Value("${tango.feedback.program-times-ttl:5s}") Duration programTimesTtl) {
        this.insights = insights;
        this.comments = comments;
        this.clock = clock;
        this.unscoredAfter = unscoredAfter;
        this.programTimes = programTimesTtl.isZero()
                ? null
                : Caffeine.newBuilder()
                        .refreshAfterWrite(programTimesTtl)
                        .expireAfterWrite(programTimesTtl.multipliedBy(2))
                        .buildAsync((program, executor) ->
                                insights.phaseTimesOfProgram(program).toFuture());
    }

    public Mono<StudentDashboard> dashboard(UserId studentId, Caller caller) {
        return insights.ofStudent(studentId)
                .filter(s -> s.isVisibleTo(caller))
                .collectList()
                .filter(sessions -> !sessions.isEmpty())
                .switchIfEmpty(Mono.error(() -> FeedbackRuleException.notFound("Student", studentId)))
                .flatMap(sessions -> Mono.zip(
                                Flux.fromIterable(sessions)
                                        .map(SessionInsight::programId)
                                        .distinct()
                                        .concatMap(this::phaseTimesOfProgram)
                                        .reduce(PhaseTimeTotals.NONE, PhaseTimeTotals::plus),
                                publishedComments(sessions))
                        .map(t -> StudentDashboard.of(studentId, sessions, t.getT1(), viewsOf(t.getT2()))));
    }

    /**
     * A program's time per phase, computed at most once per {@code tango.feedback.program-times-ttl} and shared by
     * every dashboard meanwhile: the only figure of a student's dashboard that depends on the whole program, and
     * reading the program's sessions on every dashboard request made each one cost the size of the program. Once the
     * figure is older than the TTL, dashboards still answer it while it is read again in the background, so no request
     * waits for that read (it scans the program's insights on the embedded server) unless none came for twice the TTL.
     */
    private Mono<PhaseTimeTotals> phaseTimesOfProgram(ProgramId programId) {
        if (programTimes == null) {
            return insights.phaseTimesOfProgram(programId);
        }
        // A caller that goes away must not cancel the read that other dashboards share.
        return Mono.fromFuture(programTimes.get(programId), true);
    }

    public Mono<SessionPage> session(SessionId sessionId, Caller caller) {
        return insights.find(sessionId)
                .filter(s -> s.isVisibleTo(caller))
                .switchIfEmpty(Mono.error(() -> FeedbackRuleException.notFound("Session", sessionId)))
                .flatMap(s -> comments.list(s, caller).map(visible -> SessionPage.of(s, caller, visible)));
    }

    public Mono<ProgramMetrics> metrics(ProgramId programId, LocalDate from, LocalDate to, Caller caller) {
        return admin(programId, caller).then(Mono.defer(() -> {
            Period period = Period.of(from, to, today());
            Instant now = clock.instant();
            return insights.ofProgram(programId)
                    .collectList()
                    .map(sessions ->
                            ProgramMetrics.of(programId, period.from(), period.to(), sessions, now, unscoredAfter));
        }));
    }

    public Mono<String> export(ProgramId programId, LocalDate from, LocalDate to, Caller caller) {
        return admin(programId, caller).then(Mono.defer(() -> {
            Period period = Period.of(from, to, today());
            Instant start = period.from().atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = period.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            return insights.ofProgram(programId)
                    .filter(s -> s.isKnown()
                            && s.scheduledFor() != null
                            && !s.scheduledFor().isBefore(start)
                            && s.scheduledFor().isBefore(end))
                    .sort(Comparator.comparing(SessionInsight::scheduledFor)
                            .thenComparing(s -> s.sessionId().value()))
                    .collectList()
                    .flatMap(sessions ->
                            publishedComments(sessions).map(published -> CsvExport.of(sessions, published)));
        }));
    }

    private Mono<Void> admin(ProgramId programId, Caller caller) {
        return caller.administers(programId)
                ? Mono.empty()
                : Mono.error(FeedbackRuleException.notFound("Program", programId));
    }

    private Mono<Map<SessionId, List<Comment>>> publishedComments(List<SessionInsight> sessions) {
        return comments.published(
                sessions.stream().map(SessionInsight::sessionId).toList());
    }

    private static Map<SessionId, List<CommentView>> viewsOf(Map<SessionId, List<Comment>> published) {
        Map<SessionId, List<CommentView>> views = new java.util.HashMap<>();
        published.forEach((session, list) -> views.put(
                session, list.stream().map(c -> CommentView.of(c, false)).toList()));
        return views;
    }

    private LocalDate today() {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
