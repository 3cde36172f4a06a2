package dev.tango.feedback.selfassessment.mongo;

import dev.tango.events.Phase;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.feedback.selfassessment.SelfAssessment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A self-assessment as stored, keyed by session id; marker ids are values, never field names. */
@Document("self_assessments")
record SelfAssessmentDocument(
        @Id String id,
        String studentId,
        Map<Phase, List<String>> markers,
        String reflection,
        Instant updatedAt,
        @Version Long version) {

    static SelfAssessmentDocument of(SelfAssessment self) {
        return new SelfAssessmentDocument(
                self.sessionId().value(),
                self.studentId().value(),
                self.markers(),
                self.reflection(),
                self.updatedAt(),
                self.version());
    }

    SelfAssessment toAssessment() {
        return new SelfAssessment(
                SessionId.of(id),
                UserId.of(studentId),
                markers == null ? Map.of() : markers,
                reflection,
                updatedAt,
                version);
    }
}
