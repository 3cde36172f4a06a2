package dev.tango.gateway.problem;

/** A request body without a declared length grew past its route's limit while the gateway was sending it on (routing). */
public class BodyTooLargeException extends RuntimeException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The request body is larger than the " + limit + " bytes this endpoint accepts.");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
