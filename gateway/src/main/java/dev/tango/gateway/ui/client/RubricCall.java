package dev.tango.gateway.ui.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What scoring-service answered (about rubrics, or the scoring panel's scorecards): the answer, a refusal with its problem (4xx: the field errors of a
 * 400, the reason of a 403 or 409), not found for this caller (404, the same for someone else's draft), or unavailable
 * (down, 5xx, timeout: a change may or may not have been made).
 */
public record RubricCall<T>(State state, T value, Problem problem) {

    public static <T> RubricCall<T> ok(T value) {
        return new RubricCall<>(State.OK, value, null);
    }

    public static <T> RubricCall<T> refused(Problem problem) {
        return new RubricCall<>(State.REFUSED, null, problem);
    }

    public static <T> RubricCall<T> notFound() {
        return new RubricCall<>(State.NOT_FOUND, null, null);
    }

    public static <T> RubricCall<T> unavailable() {
        return new RubricCall<>(State.UNAVAILABLE, null, null);
    }

    public boolean isOk() {
        return state == State.OK;
    }

    public boolean isRefused() {
        return state == State.REFUSED;
    }

    public boolean isNotFound() {
        return state == State.NOT_FOUND;
    }

    public boolean isUnavailable() {
        return state == State.UNAVAILABLE;
    }

    public enum State {
        OK,
        REFUSED,
        NOT_FOUND,
        UNAVAILABLE
    }

    /**
     * A problem+json answer of scoring-service.
     *
     * @param errors every invalid field of a 400, e.g. {@code phases[2].phase}, with what is wrong with it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Problem(int status, String title, String detail, List<FieldError> errors) {

        public Problem {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }

        public static Problem of(int status) {
            return new Problem(status, null, null, List.of());
        }

        /** What to tell the person: the field errors if any, else the detail. */
        public List<String> lines() {
            if (!errors.isEmpty()) {
                return errors.stream()
                        .map(error -> error.field() + ": " + error.message())
                        .toList();
            }
            return detail == null ? List.of() : List.of(detail);
        }
    }

    /** One invalid field: its JSON path and what is wrong with it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String message) {}
}
