package dev.tango.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Finds free ports and checks that wanted ones are free, on the loopback address every component binds to. */
final class Ports {

    static final String HOST = "127.0.0.1";

    private Ports() {}

    /** Returns {@code count} distinct ports that were free a moment ago. */
    static List<Integer> free(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            // Hold them all open at once, so the same port is not handed out twice.
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST));
                held.add(socket);
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + HOST, e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // Only a probe; nothing to clean up.
                }
            }
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Same as a server would do: TIME_WAIT leftovers of a previous run must not count as "in use".
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void requireFree(int port, String owner, String flag, String env) {
        if (!isFree(port)) {
            throw new PortInUseException(port, owner, flag, env);
        }
    }
}
