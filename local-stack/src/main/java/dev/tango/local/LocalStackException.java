package dev.tango.local;

/**
 * A failure the user can act on: its message is meant for the console as is, without a stack trace. The exit code
 * tells scripts what went wrong.
 */
public class LocalStackException extends RuntimeException {

    /** Something failed to start, stop or answer in time. */
    public static final int EXIT_FAILURE = 1;

    /** A port was already taken. */
    public static final int EXIT_PORT_IN_USE = 2;

    /** The command line or an environment variable was wrong. */
    public static final int EXIT_USAGE = 64;

    private final int exitCode;

    public LocalStackException(String message) {
        this(message, EXIT_FAILURE, null);
    }

    public LocalStackException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
