package dev.tango.local;

/** A port the stack wants is taken by another process. */
public final class PortInUseException extends LocalStackException {

    private final int port;

    PortInUseException(int port, String owner, String flag, String env) {
        super(
                "Port " + port + " (" + owner
                        + ") is already in use. Stop whatever uses it, or choose another port with " + flag + "=N or "
                        + env + "=N (0 picks a free port).",
                EXIT_PORT_IN_USE,
                null);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
