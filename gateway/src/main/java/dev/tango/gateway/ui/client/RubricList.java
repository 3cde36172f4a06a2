package dev.tango.gateway.ui.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** The rubrics an admin sees: the built-in ones, then those of their programs, each with its versions. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RubricList(List<Item> rubrics) {

    public RubricList {
        rubrics = rubrics == null ? List.of() : List.copyOf(rubrics);
    }

    /** The published versions a program may use: those of the built-in rubrics and of its own. */
    public List<Item.Version> assignableTo(String programId) {
        return rubrics.stream()
                .filter(item -> item.builtIn() || programId.equals(item.programId()))
                .flatMap(item -> item.versions().stream()
                        .filter(Item.Version::isPublished)
                        .map(version -> version.of(item.rubricId())))
                .toList();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(
            String rubricId,
            String programId,
            boolean builtIn,
            String name,
            int latestVersion,
            List<Version> versions) {

        public Item {
            versions = versions == null ? List.of() : List.copyOf(versions);
        }

        /** One version; {@code rubricId} is filled in when it stands alone, e.g. in a choice of versions. */
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Version(
                String rubricId, int version, String status, String name, Instant createdAt, Instant publishedAt) {

            Version of(String rubric) {
                return new Version(rubric, version, status, name, createdAt, publishedAt);
            }

            public boolean isPublished() {
                return "PUBLISHED".equals(status);
            }

            /** The value of a choice in a form: {@code partnership:1}. */
            public String ref() {
                return rubricId + ":" + version;
            }

            /** {@code Draft} or {@code Published}. */
            public String statusLabel() {
                return RubricVersion.statusLabel(status);
            }
        }
    }
}
