package dev.tango.feedback.selfassessment;

import dev.tango.events.Phase;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.feedback.insight.SessionInsight;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A self-assessment with, beside it, every published mentor scorecard (their latest revisions) marker by marker.
 *
 * @param agreements one per mentor who published; empty before any did
 */
public record SelfAssessmentView(
        SessionId sessionId,
        UserId studentId,
        Map<Phase, List<String>> markers,
        String reflection,
        Instant updatedAt,
        List<Agreement> agreements) {

    public static SelfAssessmentView of(SelfAssessment self, SessionInsight session) {
        return new SelfAssessmentView(
                self.sessionId(),
                self.studentId(),
                self.markers(),
                self.reflection(),
                self.updatedAt(),
                session.scorecards().stream()
                        .map(card -> Agreement.of(self, card))
                        .toList());
    }
}
