package dev.tango.feedback.selfassessment;

import dev.tango.events.Phase;
import dev.tango.events.SessionId;
import dev.tango.feedback.insight.FeedbackRuleException;
import dev.tango.feedback.insight.SessionInsight;
import dev.tango.feedback.insight.SessionInsights;
import dev.tango.support.security.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Self-assessments: only the session's student writes theirs; the student, the session's mentors and the program's
 * admins read it. Whoever may not see the session is told it does not exist.
 */
@Service
public class SelfAssessmentService {

    private final SelfAssessments store;
    private final SessionInsights insights;
    private final Clock clock;

    public SelfAssessmentService(SelfAssessments store, SessionInsights insights, Clock clock) {
        this.store = store;
        this.insights = insights;
        this.clock = clock;
    }

    public Mono<SelfAssessmentView> find(SessionId sessionId, Caller caller) {
        return session(sessionId, caller)
                .flatMap(session -> store.find(sessionId)
                        .map(self -> SelfAssessmentView.of(self, session))
                        .switchIfEmpty(Mono.error(
                                () -> FeedbackRuleException.notFound("Self-assessment of session", sessionId))));
    }

    /** Writes the whole self-assessment, replacing the previous one. */
    public Mono<SelfAssessmentView> write(
            SessionId sessionId, Caller caller, Map<Phase, List<String>> markers, String reflection) {
        return session(sessionId, caller).flatMap(session -> {
            if (!session.isStudent(caller)) {
                return Mono.error(FeedbackRuleException.forbidden("Only the session's student assesses themselves"));
            }
            return store.find(sessionId)
                    .map(SelfAssessment::version)
                    .map(java.util.Optional::of)
                    .defaultIfEmpty(java.util.Optional.empty())
                    .flatMap(version -> store.save(SelfAssessment.validated(
                            session, markers, reflection, clock.instant(), version.orElse(null))))
                    .map(saved -> SelfAssessmentView.of(saved, session));
        });
    }

    private Mono<SessionInsight> session(SessionId sessionId, Caller caller) {
        return insights.find(sessionId)
                .filter(insight -> insight.isVisibleTo(caller))
                .switchIfEmpty(Mono.error(() -> FeedbackRuleException.notFound("Session", sessionId)));
    }
}
