package dev.tango.scoring.rubric.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.tango.events.ProgramId;
import dev.tango.scoring.rubric.Rubric;
import dev.tango.scoring.rubric.RubricRef;
import dev.tango.scoring.rubric.RubricStatus;
import dev.tango.scoring.rubric.RubricStore;
import dev.tango.scoring.rubric.StoredRubric;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rubric versions in collection {@code rubrics}. A new version is a plain insert, which the unique {@code _id} refuses
 * if the version exists; a change to a DRAFT is one update conditional on {@code _id}, {@code status: DRAFT} and the
 * revision read. Lists query {@code rubricId} or {@code programId}; real MongoDB uses the indexes declared for them,
 * the embedded server accepts and ignores them (its lists are full scans).
 */
@Repository
class MongoRubricStore implements RubricStore {

    static final String COLLECTION = "rubrics";

    private static final Logger log = LoggerFactory.getLogger(MongoRubricStore.class);

    private final ReactiveMongoOperations mongo;

    MongoRubricStore(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> declareIndexes() {
        return Flux.just(
                        new Index()
                                .on("rubricId", Sort.Direction.ASC)
                                .on("version", Sort.Direction.ASC)
                                .named("rubrics_by_rubric_id"),
                        new Index()
                                .on("programId", Sort.Direction.ASC)
                                .on("rubricId", Sort.Direction.ASC)
                                .named("rubrics_by_program"))
                .concatMap(index -> mongo.indexOps(COLLECTION).createIndex(index))
                .doOnNext(name -> log.debug("Declared index {}", name))
                .then()
                .onErrorResume(e -> {
                    log.warn("Could not declare the rubric indexes: {}", e.toString());
                    return Mono.empty();
                });
    }

    @Override
    public Mono<StoredRubric> find(RubricRef ref) {
        return mongo.findById(RubricDocument.idOf(ref), RubricDocument.class).map(RubricDocument::toStored);
    }

    @Override
    public Flux<StoredRubric> versions(String rubricId) {
        return mongo.find(Query.query(where("rubricId").is(rubricId)).with(Sort.by("version")), RubricDocument.class)
                .map(RubricDocument::toStored);
    }

    @Override
    public Flux<StoredRubric> builtInOrOwnedBy(Set<ProgramId> programs) {
        Criteria builtIn = where("programId").is(null);
        Criteria matching = programs.isEmpty()
                ? builtIn
                : new Criteria()
                        .orOperator(
                                builtIn,
                                where("programId")
                                        .in(programs.stream()
                                                .map(ProgramId::value)
                                                .sorted()
                                                .toList()));
        return mongo.find(Query.query(matching).with(Sort.by("rubricId", "version")), RubricDocument.class)
                .map(RubricDocument::toStored);
    }

    @Override
    public Mono<StoredRubric> insert(Rubric rubric) {
        return mongo.insert(RubricDocument.of(rubric, 0))
                .map(RubricDocument::toStored)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
    }

    @Override
    public Mono<StoredRubric> replaceDraft(Rubric changed, long revision) {
        Query draftAtRevision = Query.query(where("_id")
                .is(RubricDocument.idOf(changed.ref()))
                .and("status")
                .is(RubricStatus.DRAFT)
                .and("revision")
                .is(revision));
        RubricDocument next = RubricDocument.of(changed, revision + 1);
        Update update = new Update()
                .set("status", next.status())
                .set("content", next.content())
                .set("publishedAt", next.publishedAt())
                .set("revision", next.revision());
        return mongo.findAndModify(
                        draftAtRevision, update, FindAndModifyOptions.options().returnNew(true), RubricDocument.class)
                .map(RubricDocument::toStored);
    }
}
