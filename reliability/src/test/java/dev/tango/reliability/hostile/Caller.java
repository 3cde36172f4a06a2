package dev.tango.reliability.hostile;

import java.net.http.HttpRequest;

/** Who sends a request: a bearer token (an API token or a JWT), a browser's signed-in session, or nobody. */
sealed interface Caller {

    /** A short label for the printed tables. */
    String label();

    void authorize(HttpRequest.Builder request);

    record Bearer(String label, String token) implements Caller {
        @Override
        public void authorize(HttpRequest.Builder request) {
            request.setHeader("Authorization", "Bearer " + token);
        }
    }

    /** A signed-in browser calling the API with its session cookie and CSRF header, as the web UI's scripts do. */
    record Browser(String label, String cookie, String csrf) implements Caller {
        @Override
        public void authorize(HttpRequest.Builder request) {
            request.setHeader("Cookie", cookie);
            request.setHeader("X-CSRF-TOKEN", csrf);
        }
    }

    /** Any one header, e.g. {@code Authorization: Basic ...}. */
    record Header(String label, String name, String value) implements Caller {
        @Override
        public void authorize(HttpRequest.Builder request) {
            request.setHeader(name, value);
        }
    }

    record Anonymous(String label) implements Caller {
        @Override
        public void authorize(HttpRequest.Builder request) {}
    }
}
