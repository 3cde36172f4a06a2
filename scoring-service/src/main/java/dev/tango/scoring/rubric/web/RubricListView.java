package dev.tango.scoring.rubric.web;

import dev.tango.events.ProgramId;
import dev.tango.scoring.rubric.Rubric;
import dev.tango.scoring.rubric.RubricStatus;
import dev.tango.scoring.rubric.RubricSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The rubrics the caller may see: the built-in ones first, then those of the programs they administer. */
record RubricListView(List<Item> rubrics) {

    static RubricListView of(List<RubricSummary> summaries) {
        return new RubricListView(summaries.stream().map(Item::of).toList());
    }

    /**
     * One rubric.
     *
     * @param name the name of its latest version
     * @param versions the versions the caller may see, oldest first
     */
    record Item(
            String rubricId,
            @Schema(type = "string") ProgramId programId,
            boolean builtIn,
            String name,
            int latestVersion,
            List<Version> versions) {

        static Item of(RubricSummary summary) {
            Rubric latest = summary.latest();
            return new Item(
                    summary.rubricId(),
                    summary.program(),
                    latest.isBuiltIn(),
                    latest.content().name(),
                    latest.ref().version(),
                    summary.versions().stream().map(Version::of).toList());
        }
    }

    /** One version, without its content. */
    record Version(int version, RubricStatus status, String name, Instant createdAt, Instant publishedAt) {

        static Version of(Rubric rubric) {
            return new Version(
                    rubric.ref().version(),
                    rubric.status(),
                    rubric.content().name(),
                    rubric.createdAt(),
                    rubric.publishedAt());
        }
    }
}
