package dev.tango.scoring.rubric.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.tango.events.ProgramId;
import dev.tango.scoring.rubric.ProgramRubricStore;
import dev.tango.scoring.rubric.ProgramRubrics;
import dev.tango.scoring.rubric.RubricAssignment;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Program assignments in collection {@code program_rubrics}, one document per program ({@code _id} = program id). The
 * first assignment inserts the document (the unique {@code _id} lets only one of two racing inserts in); later ones
 * {@code $push} onto the list, conditional on the revision read, so none is ever lost or rewritten.
 */
@Repository
class MongoProgramRubricStore implements ProgramRubricStore {

    static final String COLLECTION = "program_rubrics";

    private final ReactiveMongoOperations mongo;

    MongoProgramRubricStore(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<ProgramRubrics> find(ProgramId program) {
        return mongo.findById(program.value(), ProgramRubricsDocument.class)
                .map(ProgramRubricsDocument::toProgramRubrics);
    }

    @Override
    public Mono<ProgramRubrics> append(ProgramRubrics read, RubricAssignment assignment) {
        ProgramRubricsDocument.Assignment stored = ProgramRubricsDocument.Assignment.of(assignment);
        if (read.revision() == 0) {
            return mongo.insert(new ProgramRubricsDocument(read.program().value(), List.of(stored), 1))
                    .map(ProgramRubricsDocument::toProgramRubrics)
                    .onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
        }
        Query atRevision = Query.query(
                where("_id").is(read.program().value()).and("revision").is(read.revision()));
        Update append = new Update().push("assignments", stored).inc("revision", 1);
        return mongo.findAndModify(
                        atRevision,
                        append,
                        FindAndModifyOptions.options().returnNew(true),
                        ProgramRubricsDocument.class)
                .map(ProgramRubricsDocument::toProgramRubrics);
    }
}
