package dev.tango.scoring.rubric.mongo;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.scoring.rubric.Rubric;
import dev.tango.scoring.rubric.RubricContent;
import dev.tango.scoring.rubric.RubricRef;
import dev.tango.scoring.rubric.RubricStatus;
import dev.tango.scoring.rubric.StoredRubric;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One rubric version as stored: {@code _id} is {@code <rubricId>:v<version>}, so a version is found, and created at
 * most once, by its id. {@code programId} is absent for the built-in rubrics. Ids are stored as their plain strings.
 */
@Document(MongoRubricStore.COLLECTION)
record RubricDocument(
        @Id String id,
        String rubricId,
        int version,
        String programId,
        RubricStatus status,
        RubricContent content,
        Instant createdAt,
        String createdBy,
        Instant publishedAt,
        long revision) {

    static String idOf(RubricRef ref) {
        return ref.rubricId() + ":v" + ref.version();
    }

    static RubricDocument of(Rubric rubric, long revision) {
        return new RubricDocument(
                idOf(rubric.ref()),
                rubric.ref().rubricId(),
                rubric.ref().version(),
                rubric.program() == null ? null : rubric.program().value(),
                rubric.status(),
                rubric.content(),
                rubric.createdAt(),
                rubric.createdBy() == null ? null : rubric.createdBy().value(),
                rubric.publishedAt(),
                revision);
    }

    StoredRubric toStored() {
        return new StoredRubric(
                new Rubric(
                        new RubricRef(rubricId, version),
                        programId == null ? null : ProgramId.of(programId),
                        status,
                        content,
                        createdAt,
                        createdBy == null ? null : UserId.of(createdBy),
                        publishedAt),
                revision);
    }
}
