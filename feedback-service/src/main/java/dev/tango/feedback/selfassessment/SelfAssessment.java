package dev.tango.feedback.selfassessment;

import dev.tango.events.Ids;
import dev.tango.events.Phase;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.feedback.insight.FeedbackRuleException;
import dev.tango.feedback.insight.PhaseScore;
import dev.tango.feedback.insight.Scorecard;
import dev.tango.feedback.insight.SessionInsight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the student believes they showed in a session.
 *
 * @param markers per phase, the marker ids the student believes they showed (phases left out: none)
 * @param reflection free text, possibly empty
 * @param version of the stored state this was read from; {@code null} if never stored
 */
public record SelfAssessment(
        SessionId sessionId,
        UserId studentId,
        Map<Phase, List<String>> markers,
        String reflection,
        Instant updatedAt,
        Long version) {

    public static final int MAX_REFLECTION = 5_000;
    public static final int MAX_MARKERS_PER_PHASE = 40;

    public SelfAssessment {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(studentId, "studentId");
        Map<Phase, List<String>> copy = new EnumMap<>(Phase.class);
        markers.forEach((phase, ids) -> copy.put(phase, List.copyOf(ids)));
        markers = Collections.unmodifiableMap(copy);
        reflection = reflection == null ? "" : reflection;
    }

    /**
     * The student's new self-assessment, or a 400 listing every broken rule. Marker ids must be markers of their
     * phase in the rubric the published scorecards name; before any scorecard is published only their shape is
     * checked.
     */
    public static SelfAssessment validated(
            SessionInsight session, Map<Phase, List<String>> markers, String reflection, Instant now, Long version) {
        List<FeedbackRuleException.Violation> violations = new ArrayList<>();
        Map<Phase, List<String>> given = markers == null ? Map.of() : markers;
        given.forEach((phase, ids) -> {
            String field = "markers." + phase;
            if (ids == null) {
                violations.add(new FeedbackRuleException.Violation(field, "must be a list of marker ids"));
                return;
            }
            if (ids.size() > MAX_MARKERS_PER_PHASE) {
                violations.add(new FeedbackRuleException.Violation(
                        field, "must hold at most " + MAX_MARKERS_PER_PHASE + " markers"));
                return;
            }
            Set<String> rubric = rubricMarkers(session, phase);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                String at = field + "[" + i + "]";
                if (!Ids.isValid(id)) {
                    violations.add(new FeedbackRuleException.Violation(
                            at,
                            "must be 1-" + Ids.MAX_LENGTH + " characters of letters, digits, '.', '_', ':' or '-'"));
                } else if (!seen.add(id)) {
                    violations.add(new FeedbackRuleException.Violation(at, "is listed twice"));
                } else if (!rubric.isEmpty() && !rubric.contains(id)) {
                    violations.add(new FeedbackRuleException.Violation(
                            at, "is not a marker of " + phase + " in the rubric the session is scored against"));
                }
            }
        });
        if (reflection != null && reflection.length() > MAX_REFLECTION) {
            violations.add(new FeedbackRuleException.Violation(
                    "reflection", "must be at most " + MAX_REFLECTION + " characters, was " + reflection.length()));
        }
        if (!violations.isEmpty()) {
            throw FeedbackRuleException.invalid(violations);
        }
        return new SelfAssessment(session.sessionId(), session.studentId(), given, reflection, now, version);
    }

    // The phase's markers in the rubric of the published scorecards; empty while none is published.
    private static Set<String> rubricMarkers(SessionInsight session, Phase phase) {
        Set<String> ids = new LinkedHashSet<>();
        for (Scorecard card : session.scorecards()) {
            card.phase(phase).map(PhaseScore::rubricMarkers).ifPresent(ids::addAll);
        }
        return ids;
    }

    public List<String> markersOf(Phase phase) {
        return markers.getOrDefault(phase, List.of());
    }
}
