package dev.tango.scoring.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.ProgramId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** Seeding the built-in rubrics: insert if absent, never overwrite. */
class RubricSeederTest {

    private final BuiltInRubrics builtIns =
            new BuiltInRubrics(JsonMapper.builder().build());
    private final Rubric partnership = builtIns.all().get(0);
    private final MapStore store = new MapStore();
    private final BuiltInRubricSeeder seeder = new BuiltInRubricSeeder(builtIns, store);

    @Test
    void storesTheBuiltInRubricsOnceAndFindsThemPresentAfterwards() {
        StepVerifier.create(seeder.seed())
                .expectNext(BuiltInRubricSeeder.Outcome.INSERTED)
                .verifyComplete();
        StepVerifier.create(seeder.seed())
                .expectNext(BuiltInRubricSeeder.Outcome.PRESENT)
                .verifyComplete();

        assertThat(store.rubrics).containsOnlyKeys(partnership.ref());
        assertThat(store.rubrics.get(partnership.ref()).rubric()).isEqualTo(partnership);
        assertThat(store.inserts).isEqualTo(2);
    }

    @Test
    void keepsAStoredCopyThatDiffersFromTheShippedOne() {
        RubricContent shipped = partnership.content();
        Rubric changed = new Rubric(
                partnership.ref(),
                null,
                RubricStatus.PUBLISHED,
                new RubricContent(
                        "Changed by hand",
                        shipped.description(),
                        shipped.phases(),
                        shipped.antiSignals(),
                        shipped.scoring()),
                partnership.createdAt(),
                null,
                partnership.publishedAt());
        store.rubrics.put(changed.ref(), new StoredRubric(changed, 0));

        StepVerifier.create(seeder.seed())
                .expectNext(BuiltInRubricSeeder.Outcome.KEPT_DIFFERENT)
                .verifyComplete();

        assertThat(store.rubrics.get(partnership.ref()).rubric().content().name())
                .isEqualTo("Changed by hand");
    }

    /** Just enough of a store: inserts refuse an existing version, as the unique id does. */
    private static final class MapStore implements RubricStore {

        final Map<RubricRef, StoredRubric> rubrics = new ConcurrentHashMap<>();
        int inserts;

        @Override
        public Mono<Void> declareIndexes() {
            return Mono.empty();
        }

        @Override
        public Mono<StoredRubric> find(RubricRef ref) {
            return Mono.justOrEmpty(rubrics.get(ref));
        }

        @Override
        public Flux<StoredRubric> versions(String rubricId) {
            return Flux.fromIterable(new ArrayList<>(rubrics.values()))
                    .filter(stored -> stored.rubric().ref().rubricId().equals(rubricId));
        }

        @Override
        public Flux<StoredRubric> builtInOrOwnedBy(Set<ProgramId> programs) {
            return Flux.fromIterable(List.copyOf(rubrics.values()));
        }

        @Override
        public Mono<StoredRubric> insert(Rubric rubric) {
            return Mono.fromSupplier(() -> {
                inserts++;
                StoredRubric stored = new StoredRubric(rubric, 0);
                return rubrics.putIfAbsent(rubric.ref(), stored) == null ? stored : null;
            });
        }

        @Override
        public Mono<StoredRubric> replaceDraft(Rubric changed, long revision) {
            return Mono.error(new UnsupportedOperationException());
        }
    }
}
