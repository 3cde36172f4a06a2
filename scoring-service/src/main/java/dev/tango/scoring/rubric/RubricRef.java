package dev.tango.scoring.rubric;

/** One version of one rubric, as scorecards name it. */
public record RubricRef(String rubricId, int version) {

    @Override
    public String toString() {
        return rubricId + " v" + version;
    }
}
