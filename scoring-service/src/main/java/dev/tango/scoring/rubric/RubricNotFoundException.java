package dev.tango.scoring.rubric;

/** No such rubric (version, or program choice), or none the caller may see: the two answer alike. */
public class RubricNotFoundException extends RuntimeException {

    private final String kind;
    private final String id;

    public RubricNotFoundException(String kind, Object id) {
        super(kind + " " + id + " was not found");
        this.kind = kind;
        this.id = String.valueOf(id);
    }

    public static RubricNotFoundException rubric(Object what) {
        return new RubricNotFoundException("Rubric", what);
    }

    /** What was looked for, e.g. {@code Rubric}. */
    public String kind() {
        return kind;
    }

    /** Its id, e.g. {@code partnership v2}. */
    public String id() {
        return id;
    }
}
