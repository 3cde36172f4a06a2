package dev.tango.scoring.rubric;

/** The caller may see the rubric (or name the program) but may not do this to it. */
public class RubricAccessDeniedException extends RuntimeException {

    public RubricAccessDeniedException(String message) {
        super(message);
    }
}
