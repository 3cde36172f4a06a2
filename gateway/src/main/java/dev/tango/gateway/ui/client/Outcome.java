package dev.tango.gateway.ui.client;

import java.util.function.Function;

/**
 * What became of a change asked of a service: done (with the service's answer), refused with a problem (4xx), not
 * found for this caller (404, the same for someone else's session), or unknown because the service could not be
 * reached or failed; in that last case the change may or may not have been made.
 */
public record Outcome<T>(State state, T value, ServiceProblem problem) {

    public static <T> Outcome<T> done(T value) {
        return new Outcome<>(State.DONE, value, null);
    }

    public static <T> Outcome<T> refused(ServiceProblem problem) {
        return new Outcome<>(State.REFUSED, null, problem);
    }

    public static <T> Outcome<T> notFound() {
        return new Outcome<>(State.NOT_FOUND, null, null);
    }

    public static <T> Outcome<T> unavailable() {
        return new Outcome<>(State.UNAVAILABLE, null, null);
    }

    /** The same outcome with the service's answer turned into something else. */
    public <R> Outcome<R> map(Function<T, R> mapping) {
        return new Outcome<>(state, value == null ? null : mapping.apply(value), problem);
    }

    public boolean isDone() {
        return state == State.DONE;
    }

    public enum State {
        DONE,
        REFUSED,
        NOT_FOUND,
        UNAVAILABLE
    }
}
