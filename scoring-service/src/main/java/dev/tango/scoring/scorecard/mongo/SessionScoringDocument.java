package dev.tango.scoring.scorecard.mongo;

import dev.tango.events.EventJson;
import dev.tango.events.SessionId;
import dev.tango.scoring.rubric.RubricRef;
import dev.tango.scoring.scorecard.Observation;
import dev.tango.scoring.scorecard.PublishedScorecard;
import dev.tango.scoring.scorecard.SessionScoring;
import dev.tango.support.outbox.OutboxEntry;
import java.util.List;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

/**
 * A session's scoring as stored. Published scorecards are kept as JSON text: their anti-signal counts are maps keyed by
 * rubric ids, which contain dots, and MongoDB field names may not.
 */
@Document(MongoSessionScorings.COLLECTION)
record SessionScoringDocument(
        @MongoId(FieldType.STRING) String id,
        RubricRef rubric,
        List<Observation> observations,
        List<String> published,
        long lastSequence,
        List<String> publications,
        @Version Long version,
        List<OutboxEntry> outbox) {

    static SessionScoringDocument of(SessionScoring scoring) {
        SessionScoring.Snapshot state = scoring.snapshot();
        return new SessionScoringDocument(
                state.sessionId().value(),
                state.rubric(),
                state.observations(),
                json(state.published()),
                state.lastSequence(),
                state.publications(),
                state.version(),
                OutboxEntry.of(scoring.pendingEvents()));
    }

    SessionScoring toScoring() {
        return SessionScoring.restore(new SessionScoring.Snapshot(
                SessionId.of(id),
                rubric,
                observations == null ? List.of() : observations,
                published == null
                        ? List.of()
                        : published.stream()
                                .map(text -> EventJson.mapper().readValue(text, PublishedScorecard.class))
                                .toList(),
                lastSequence,
                publications,
                version));
    }

    static List<String> json(List<PublishedScorecard> published) {
        return published.stream()
                .map(card -> EventJson.mapper().writeValueAsString(card))
                .toList();
    }
}
