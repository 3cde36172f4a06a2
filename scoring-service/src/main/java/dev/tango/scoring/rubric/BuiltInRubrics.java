package dev.tango.scoring.rubric;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rubrics that come with Tango, read from {@code rubrics/*.json} on the classpath (the export format) and
 * validated when the service starts: an invalid one stops the start. Their metadata is fixed here, so that every
 * install holds exactly the same versions. The partnership rubric of DESIGN.md is the default of every program that
 * never chose one.
 */
@Component
public class BuiltInRubrics {

    /** The id of the built-in partnership rubric. */
    public static final String PARTNERSHIP = "partnership";

    /** Every built-in version. A new version is a new file and a new line here; a shipped file never changes. */
    private static final List<Definition> DEFINITIONS = List.of(
            new Definition(PARTNERSHIP, 1, "rubrics/partnership-v1.json", Instant.parse("2026-01-01T00:00:00Z")));

    private final List<Rubric> rubrics;

    public BuiltInRubrics(JsonMapper json) {
        this.rubrics = DEFINITIONS.stream()
                .map(definition -> definition.load(json))
                .sorted(Comparator.comparing((Rubric rubric) -> rubric.ref().rubricId())
                        .thenComparingInt(rubric -> rubric.ref().version()))
                .toList();
    }

    /** Reads a rubric resource in the export format, without validating it. */
    public static RubricJson read(JsonMapper json, String resource) {
        try (InputStream in = BuiltInRubrics.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Built-in rubric " + resource + " is missing from the classpath");
            }
            return json.readValue(in, RubricJson.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every built-in version, by id and version. */
    public List<Rubric> all() {
        return rubrics;
    }

    public Optional<Rubric> find(RubricRef ref) {
        return rubrics.stream().filter(rubric -> rubric.ref().equals(ref)).findFirst();
    }

    /** Whether the id is that of a built-in rubric, which no program may take. */
    public boolean isBuiltIn(String rubricId) {
        return rubrics.stream().anyMatch(rubric -> rubric.ref().rubricId().equals(rubricId));
    }

    /**
     * The default rubric at an instant: the partnership rubric's latest version published at or before it (its first
     * version for earlier instants), so that the answer for an instant never changes when a new version ships.
     */
    public Rubric defaultAt(Instant at) {
        List<Rubric> partnership = rubrics.stream()
                .filter(rubric -> rubric.ref().rubricId().equals(PARTNERSHIP))
                .toList();
        return partnership.stream()
                .filter(rubric -> !rubric.publishedAt().isAfter(at))
                .reduce((first, second) -> second)
                .orElse(partnership.get(0));
    }

    private record Definition(String rubricId, int version, String resource, Instant publishedAt) {

        Rubric load(JsonMapper json) {
            RubricJson source = read(json, resource);
            List<RubricViolation> problems = RubricValidator.problems(source);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Built-in rubric " + resource + " is invalid: " + problems);
            }
            return new Rubric(
                    new RubricRef(rubricId, version),
                    null,
                    RubricStatus.PUBLISHED,
                    RubricValidator.validated(source),
                    publishedAt,
                    null,
                    publishedAt);
        }
    }
}
