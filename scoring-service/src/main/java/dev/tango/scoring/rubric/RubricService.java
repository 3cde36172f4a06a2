package dev.tango.scoring.rubric;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.support.security.Caller;
import dev.tango.support.security.Role;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The use cases of rubrics: read them as the caller may ({@link RubricAccess}), create, edit and publish versions,
 * choose the rubric a program uses. Every refusal fails the returned {@link Mono} before anything is stored; a version
 * the caller may not see fails as not found. Also the {@link RubricCatalog} that scoring reads rubrics from.
 *
 * <p>The built-in rubrics are read from the store like any other, and from the shipped copy while the store does not
 * hold them yet (see {@link BuiltInRubricSeeder}).
 */
@Service
public class RubricService implements RubricCatalog {

    private static final int GENERATED_ID_ATTEMPTS = 3;
    private static final int SLUG_LENGTH = 40;

    private final RubricStore store;
    private final ProgramRubricStore choices;
    private final BuiltInRubrics builtIns;
    private final Clock clock;

    public RubricService(RubricStore store, ProgramRubricStore choices, BuiltInRubrics builtIns, Clock clock) {
        this.store = store;
        this.choices = choices;
        this.builtIns = builtIns;
        this.clock = clock;
    }

    // ---- RubricCatalog: no caller, scoring's own lookups

    @Override
    public Mono<Rubric> find(RubricRef ref) {
        return stored(ref).map(StoredRubric::rubric);
    }

    /**
     * {@inheritDoc} A program that never chose a rubric (or an instant before its first choice) gets the partnership
     * rubric's latest version published at or before that instant ({@link BuiltInRubrics#defaultAt}).
     */
    @Override
    public Mono<Rubric> inUseBy(ProgramId program, Instant at) {
        return choices.find(program)
                .defaultIfEmpty(ProgramRubrics.none(program))
                .flatMap(history -> required(history.inEffectAt(at)
                        .map(RubricAssignment::rubric)
                        .orElseGet(() -> builtIns.defaultAt(at).ref())));
    }

    // ---- reading

    /** The built-in rubrics and those of the programs the caller administers, each with the versions it may see. */
    public Flux<RubricSummary> list(Caller caller) {
        return store.builtInOrOwnedBy(RubricAccess.administered(caller))
                .map(StoredRubric::rubric)
                .collectList()
                .flatMapMany(stored -> {
                    List<Rubric> all = withShippedBuiltIns(stored);
                    Map<String, List<Rubric>> byId = all.stream()
                            .filter(rubric -> RubricAccess.maySee(caller, rubric))
                            .sorted(Comparator.comparingInt(
                                    rubric -> rubric.ref().version()))
                            .collect(Collectors.groupingBy(
                                    rubric -> rubric.ref().rubricId(), LinkedHashMap::new, Collectors.toList()));
                    return Flux.fromStream(byId.entrySet().stream()
                            .map(entry -> new RubricSummary(
                                    entry.getKey(), entry.getValue().get(0).program(), entry.getValue()))
                            .sorted(Comparator.comparing((RubricSummary summary) -> summary.program() != null)
                                    .thenComparing(summary -> summary.program() == null
                                            ? ""
                                            : summary.program().value())
                                    .thenComparing(RubricSummary::rubricId)));
                });
    }

    public Mono<StoredRubric> version(RubricRef ref, Caller caller) {
        return stored(ref)
                .filter(found -> RubricAccess.maySee(caller, found.rubric()))
                .switchIfEmpty(Mono.error(() -> RubricNotFoundException.rubric(ref)));
    }

    /** The latest version the caller may see: a draft for the owning program's admins, else the latest published. */
    public Mono<StoredRubric> latest(String rubricId, Caller caller) {
        return visibleVersions(rubricId, caller)
                .last()
                .onErrorMap(java.util.NoSuchElementException.class, e -> RubricNotFoundException.rubric(rubricId));
    }

    // ---- changing

    /** A new rubric of a program: version 1, a DRAFT, from the content given or copied from another version. */
    public Mono<StoredRubric> create(CreateRubric command, Caller caller) {
        if (!caller.hasRole(Role.ADMIN)) {
            return Mono.error(new RubricAccessDeniedException("Only program admins may create rubrics."));
        }
        if (command.program() != null && !RubricAccess.mayManage(caller, command.program())) {
            return Mono.error(new RubricAccessDeniedException(
                    "Only an admin of program " + command.program() + " may create rubrics for it."));
        }
        String contentPath = command.contentPath() == null ? "" : command.contentPath();
        List<RubricViolation> violations = new ArrayList<>();
        if (command.program() == null) {
            violations.add(new RubricViolation("programId", "must not be null"));
        }
        if (command.rubricId() != null && !RubricValidator.isValidId(command.rubricId())) {
            violations.add(new RubricViolation(
                    "rubricId",
                    "must be 1-" + RubricValidator.MAX_ID_LENGTH
                            + " characters of lower-case letters, digits, '.', '_' or '-', starting with a letter or"
                            + " digit"));
        }
        if (command.content() == null && command.basedOn() == null) {
            violations.add(new RubricViolation(
                    contentPath.isEmpty() ? "body" : contentPath, "give the content, or basedOn a version to copy"));
        } else if (command.content() != null && command.basedOn() != null) {
            violations.add(new RubricViolation("basedOn", "give either the content or basedOn, not both"));
        } else if (command.content() != null) {
            violations.addAll(RubricValidator.problems(command.content(), contentPath));
        } else if (command.basedOn().rubricId() == null
                || command.basedOn().rubricId().isBlank()
                || command.basedOn().version() < 1) {
            violations.add(new RubricViolation("basedOn", "must name a rubric id and a version of at least 1"));
        }
        if (!violations.isEmpty()) {
            return Mono.error(new InvalidRubricException(violations));
        }
        if (command.rubricId() != null && builtIns.isBuiltIn(command.rubricId())) {
            return Mono.error(idTaken(command.rubricId()));
        }
        Mono<RubricContent> content = command.content() != null
                ? Mono.fromCallable(() -> RubricValidator.validated(command.content(), contentPath))
                : stored(command.basedOn())
                        .filter(found -> RubricAccess.maySee(caller, found.rubric()))
                        .map(found -> found.rubric().content())
                        .switchIfEmpty(Mono.error(() -> new InvalidRubricException(List.of(new RubricViolation(
                                "basedOn", "there is no rubric version " + command.basedOn() + " you may see")))));
        return content.flatMap(chosen -> command.rubricId() != null
                ? store.insert(Rubric.firstDraft(command.rubricId(), command.program(), chosen, now(), caller.id()))
                        .switchIfEmpty(Mono.error(() -> idTaken(command.rubricId())))
                : insertWithNewId(command.program(), chosen, caller.id(), GENERATED_ID_ATTEMPTS));
    }

    /** Replaces the content of a DRAFT, if it is still at the revision the caller read. */
    public Mono<StoredRubric> replaceDraft(RubricRef ref, Long revision, RubricJson content, Caller caller) {
        return version(ref, caller).flatMap(stored -> {
            Rubric rubric = stored.rubric();
            if (!RubricAccess.mayChange(caller, rubric)) {
                return Mono.error(denied(rubric));
            }
            if (rubric.isPublished()) {
                return Mono.error(published(rubric));
            }
            List<RubricViolation> violations = new ArrayList<>();
            if (revision == null) {
                violations.add(new RubricViolation("revision", "must not be null"));
            }
            violations.addAll(RubricValidator.problems(content, "content"));
            if (!violations.isEmpty()) {
                return Mono.error(new InvalidRubricException(violations));
            }
            if (revision != stored.revision()) {
                return Mono.error(changedMeanwhile(ref, stored.revision()));
            }
            return store.replaceDraft(rubric.withContent(RubricValidator.validated(content, "content")), revision)
                    .switchIfEmpty(Mono.defer(() -> whyNotChanged(ref)));
        });
    }

    /** The next version of a rubric as a DRAFT, copied from its latest version, which must be published. */
    public Mono<StoredRubric> newDraft(String rubricId, Caller caller) {
        return latest(rubricId, caller).flatMap(latest -> {
            Rubric rubric = latest.rubric();
            if (!RubricAccess.mayChange(caller, rubric)) {
                return Mono.error(denied(rubric));
            }
            if (rubric.isDraft()) {
                return Mono.error(draftExists(rubric.ref()));
            }
            return store.insert(rubric.nextDraft(now(), caller.id()))
                    .switchIfEmpty(Mono.error(() ->
                            draftExists(new RubricRef(rubricId, rubric.ref().version() + 1))));
        });
    }

    /** Publishes a DRAFT, validated once more: from then on it never changes. */
    public Mono<StoredRubric> publish(RubricRef ref, Caller caller) {
        return version(ref, caller).flatMap(stored -> {
            Rubric rubric = stored.rubric();
            if (!RubricAccess.mayChange(caller, rubric)) {
                return Mono.error(denied(rubric));
            }
            if (rubric.isPublished()) {
                return Mono.error(new RubricConflictException(
                        "Already published",
                        "Rubric " + ref + " was published at " + rubric.publishedAt() + " and never changes.",
                        Map.of("rubricStatus", RubricStatus.PUBLISHED)));
            }
            List<RubricViolation> violations = RubricValidator.problems(RubricJson.of(rubric.content()), "content");
            if (!violations.isEmpty()) {
                return Mono.error(new InvalidRubricException(violations));
            }
            return store.replaceDraft(rubric.publish(now()), stored.revision())
                    .switchIfEmpty(Mono.defer(() -> whyNotChanged(ref)));
        });
    }

    // ---- the rubric a program uses

    /** The rubric the program uses now and its history; for anyone who belongs to the program. */
    public Mono<RubricInUse> inUse(ProgramId program, Caller caller) {
        if (!RubricAccess.maySeeChoiceOf(caller, program)) {
            return Mono.error(new RubricNotFoundException("Program", program));
        }
        return choices.find(program)
                .defaultIfEmpty(ProgramRubrics.none(program))
                .flatMap(this::inUse);
    }

    /**
     * Makes the program use a published version of the built-in rubric or of its own rubrics from now on. Choosing the
     * version in use already changes nothing.
     */
    public Mono<RubricInUse> assign(ProgramId program, String rubricId, Integer version, Caller caller) {
        if (!RubricAccess.mayManage(caller, program)) {
            return Mono.error(new RubricAccessDeniedException(
                    "Only an admin of program " + program + " may choose the rubric it uses."));
        }
        List<RubricViolation> violations = new ArrayList<>();
        if (rubricId == null || rubricId.isBlank()) {
            violations.add(new RubricViolation("rubricId", "must not be blank"));
        }
        if (version == null || version < 1) {
            violations.add(new RubricViolation("version", "must be at least 1"));
        }
        if (!violations.isEmpty()) {
            return Mono.error(new InvalidRubricException(violations));
        }
        RubricRef ref = new RubricRef(rubricId, version);
        return version(ref, caller)
                .flatMap(stored -> {
                    Rubric rubric = stored.rubric();
                    if (!rubric.isPublished()) {
                        return Mono.error(new RubricConflictException(
                                "Not published",
                                "Rubric " + ref + " is a draft; only a published version can be assigned.",
                                Map.of("rubricStatus", rubric.status())));
                    }
                    if (!rubric.isBuiltIn() && !rubric.program().equals(program)) {
                        return Mono.error(new RubricConflictException(
                                "Another program's rubric",
                                "Rubric " + ref + " belongs to program " + rubric.program() + "; program " + program
                                        + " may use the built-in rubric or its own."));
                    }
                    return append(program, ref, caller.id());
                })
                .flatMap(this::inUse);
    }

    private Mono<ProgramRubrics> append(ProgramId program, RubricRef ref, UserId by) {
        return Mono.defer(() -> choices.find(program)
                        .defaultIfEmpty(ProgramRubrics.none(program))
                        .flatMap(read -> read.assign(ref, by, now())
                                .map(assignment -> choices.append(read, assignment)
                                        .switchIfEmpty(Mono.error(ConcurrentChoice::new)))
                                .orElseGet(() -> Mono.just(read))))
                .retryWhen(Retry.backoff(5, Duration.ofMillis(10))
                        .maxBackoff(Duration.ofMillis(200))
                        .filter(ConcurrentChoice.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> new RubricConflictException(
                                "Changed concurrently",
                                "Other requests kept changing the rubric of program " + program + "; try again.")));
    }

    private Mono<RubricInUse> inUse(ProgramRubrics history) {
        return required(history.current()
                        .map(RubricAssignment::rubric)
                        .orElseGet(() -> builtIns.defaultAt(clock.instant()).ref()))
                .map(current -> new RubricInUse(
                        history.program(), current, history.current().orElse(null), history.assignments()));
    }

    // ---- helpers

    private Mono<StoredRubric> stored(RubricRef ref) {
        return store.find(ref)
                .switchIfEmpty(Mono.defer(
                        () -> Mono.justOrEmpty(builtIns.find(ref).map(shipped -> new StoredRubric(shipped, 0)))));
    }

    /** A version that must exist: one that was assigned, or a built-in one. */
    private Mono<Rubric> required(RubricRef ref) {
        return find(ref).switchIfEmpty(Mono.error(() -> new IllegalStateException("Rubric " + ref + " is missing")));
    }

    private Flux<StoredRubric> visibleVersions(String rubricId, Caller caller) {
        return store.versions(rubricId).collectList().flatMapMany(stored -> {
            List<StoredRubric> all = new ArrayList<>(stored);
            builtIns.all().stream()
                    .filter(shipped -> shipped.ref().rubricId().equals(rubricId))
                    .filter(shipped -> stored.stream()
                            .noneMatch(found -> found.rubric().ref().equals(shipped.ref())))
                    .forEach(shipped -> all.add(new StoredRubric(shipped, 0)));
            return Flux.fromStream(all.stream()
                    .filter(found -> RubricAccess.maySee(caller, found.rubric()))
                    .sorted(Comparator.comparingInt(
                            found -> found.rubric().ref().version())));
        });
    }

    private List<Rubric> withShippedBuiltIns(List<Rubric> stored) {
        List<Rubric> all = new ArrayList<>(stored);
        Set<RubricRef> present = stored.stream().map(Rubric::ref).collect(Collectors.toSet());
        builtIns.all().stream()
                .filter(shipped -> !present.contains(shipped.ref()))
                .forEach(all::add);
        return all;
    }

    private Mono<StoredRubric> insertWithNewId(ProgramId program, RubricContent content, UserId by, int attempts) {
        String rubricId = newId(content.name());
        return store.insert(Rubric.firstDraft(rubricId, program, content, now(), by))
                .switchIfEmpty(Mono.defer(() -> attempts > 1
                        ? insertWithNewId(program, content, by, attempts - 1)
                        : Mono.error(idTaken(rubricId))));
    }

    /** The name as a slug, e.g. {@code pcc-markers-3f9a1c}: readable, and unique thanks to the random end. */
    static String newId(String name) {
        String slug = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > SLUG_LENGTH) {
            slug = slug.substring(0, SLUG_LENGTH).replaceAll("-+$", "");
        }
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        return slug.isEmpty() ? "rubric-" + suffix : slug + "-" + suffix;
    }

    /** Why a conditional write to a DRAFT matched nothing: published meanwhile, or changed meanwhile. */
    private Mono<StoredRubric> whyNotChanged(RubricRef ref) {
        return store.find(ref)
                .switchIfEmpty(Mono.error(() -> RubricNotFoundException.rubric(ref)))
                .flatMap(now -> Mono.error(
                        now.rubric().isPublished() ? published(now.rubric()) : changedMeanwhile(ref, now.revision())));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static RubricAccessDeniedException denied(Rubric rubric) {
        return new RubricAccessDeniedException(
                rubric.isBuiltIn()
                        ? "The built-in rubric " + rubric.ref().rubricId() + " never changes; create a rubric of your"
                                + " program based on it instead."
                        : "Only an admin of program " + rubric.program() + " may change its rubrics.");
    }

    private static RubricConflictException published(Rubric rubric) {
        return new RubricConflictException(
                "Published versions never change",
                "Rubric " + rubric.ref() + " is published and never changes; start its next version as a draft"
                        + " (POST /api/scoring/rubrics/" + rubric.ref().rubricId() + "/drafts).",
                Map.of("rubricStatus", RubricStatus.PUBLISHED));
    }

    private static RubricConflictException changedMeanwhile(RubricRef ref, long revision) {
        return new RubricConflictException(
                "Changed concurrently",
                "Rubric " + ref + " was changed by another request since it was read; read it again (revision "
                        + revision + ") and repeat the change.",
                Map.of("revision", revision));
    }

    private static RubricConflictException draftExists(RubricRef draft) {
        return new RubricConflictException(
                "Draft exists",
                "Rubric " + draft + " is a draft already: edit or publish it before starting another version.",
                Map.of("draftVersion", draft.version()));
    }

    private static RubricConflictException idTaken(String rubricId) {
        return new RubricConflictException(
                "Rubric id taken",
                "There is a rubric with id " + rubricId + " already; choose another id, or leave it out.",
                Map.of("rubricId", rubricId));
    }

    /** Another assignment was stored between the read and the write; the attempt is repeated from a fresh read. */
    private static final class ConcurrentChoice extends RuntimeException {
        ConcurrentChoice() {
            super(null, null, false, false);
        }
    }
}
