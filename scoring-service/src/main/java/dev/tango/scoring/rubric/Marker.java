package dev.tango.scoring.rubric;

import java.util.List;

/**
 * A partnering behaviour a mentor looks for in one phase; scored observed or not observed.
 *
 * @param id unique within its rubric (markers and anti-signals together), e.g. {@code opening.work-together}
 * @param label a few words, shown on the scoring button
 * @param description what the behaviour is, for the mentor and the student
 * @param exampleQuestions questions a coach might ask that show it
 */
public record Marker(String id, String label, String description, List<String> exampleQuestions) {

    public Marker {
        exampleQuestions = exampleQuestions == null ? List.of() : List.copyOf(exampleQuestions);
    }
}
