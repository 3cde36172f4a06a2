package dev.tango.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tango.testsupport.ServiceIntegrationTest;
import dev.tango.testsupport.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request bodies and the connection they come on, over a raw socket as the gateway's connection pool uses it. The
 * hostile input suite saw requests through the gateway get empty 400 and 414 answers after a service had answered a
 * large body before reading it to its end (a 413, or a 400 from the JSON decoder): the connection went back to the
 * gateway's pool out of step. Now a service reads the whole body before anything answers ({@code WholeBodyFilter}),
 * and a body over the limit (2 MB here, for transcript imports) answers 413 and closes the connection.
 */
@ServiceIntegrationTest
class OversizedBodyIT {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"with credentials", "with an Idempotency-Key", "without credentials"})
    void aRefusedBodyIsAnsweredOnceAndTheNextRequestOnItsConnectionGetsItsOwnAnswer(String path) throws Exception {
        boolean keyed = path.contains("idempotency");
        boolean anonymous = path.contains("without credentials");
        byte[] body =
                ("{\"programId\":\"pcc-2026\",\"studentId\":\"student-oversized\",\"mentorIds\":[\"mentor-marco\"],"
                                + "\"notes\":\"" + "x".repeat(3 * 1_048_576) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/sessions HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + (anonymous
                        ? ""
                        : "Authorization: Bearer " + TestTokens.get().admin("admin-oversized", "pcc-2026") + "\r\n")
                + (keyed ? "Idempotency-Key: oversized-1\r\n" : "")
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";

        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            // Written from another thread: the server may answer, and stop reading, long before the body's end.
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                } catch (IOException closedByTheServer) {
                    // Expected when the server closes the connection before the whole body is sent.
                }
            });
            InputStream in = socket.getInputStream();

            String headers = readHeaders(in);
            Matcher length = CONTENT_LENGTH.matcher(headers);
            assertThat(length.find()).as("a Content-Length in %s", headers).isTrue();
            String problem = new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);

            assertThat(headers).startsWith("HTTP/1.1 413");
            assertThat(headers.toLowerCase(Locale.ROOT)).contains("connection: close");
            assertThat(headers.toLowerCase(Locale.ROOT)).contains("content-type: application/problem+json");
            assertThat(problem).contains("\"status\":413");
            writing.join();

            // The next request on the same connection, as a pooled connection would carry it: either the server
            // closed the connection (the pool opens a new one) or it answers that request itself. Never an answer to
            // the refused body's rest read as a request.
            String next = "GET /api/sessions/no-such-session HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + port + "\r\n"
                    + "Authorization: Bearer " + TestTokens.get().admin("admin-oversized", "pcc-2026") + "\r\n\r\n";
            String afterwards;
            try {
                out.write(next.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                afterwards = nextAnswer(in);
            } catch (IOException closed) {
                afterwards = "";
            }
            assertThat(afterwards)
                    .satisfiesAnyOf(
                            closed -> assertThat(closed).isEmpty(),
                            answered -> assertThat(answered)
                                    .startsWith("HTTP/1.1 404")
                                    .contains("application/problem+json"));
        }
    }

    /**
     * JSON nested 10,000 deep fails in the decoder after its first kilobyte; the answer must wait for the whole body, or
     * the rest of it would be read as the next request on this connection.
     */
    @Test
    void aBodyTheDecoderRefusesAtOnceIsAnsweredOnlyOnceItHasArrivedWhole() throws Exception {
        byte[] body = ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);
        String token = TestTokens.get().admin("admin-oversized", "pcc-2026");
        String head = "POST /api/sessions HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";

        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();

            // Half the body is in: no answer may come yet (a bounded wait for something that must not happen).
            socket.setSoTimeout(2_000);
            assertThatThrownBy(in::read)
                    .as("an answer before the body's second half was sent")
                    .isInstanceOf(SocketTimeoutException.class);

            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            socket.setSoTimeout(20_000);
            String answer = nextAnswer(in);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json");

            out.write(("GET /api/sessions/no-such-session HTTP/1.1\r\n"
                            + "Host: 127.0.0.1:" + port + "\r\n"
                            + "Authorization: Bearer " + token + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(nextAnswer(in)).startsWith("HTTP/1.1 404").contains("application/problem+json");
        }
    }

    /** Boot 4 reads spring.http.codecs.*: with the old spring.codec.* name, any body over 256 KB answered 413. */
    @Test
    void aBodyUnderTheServicesTwoMegabyteLimitIsReadNotRefusedAsTooLarge() throws Exception {
        byte[] body = ("{\"programId\":\"pcc-2026\",\"studentId\":\"student-large\",\"mentorIds\":[\"mentor-marco\"],"
                        + "\"mode\":\"" + "L".repeat(1_048_576) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/sessions HTTP/1.1\r\n"
                            + "Host: 127.0.0.1:" + port + "\r\n"
                            + "Authorization: Bearer " + TestTokens.get().admin("admin-oversized", "pcc-2026") + "\r\n"
                            + "Content-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String answer = nextAnswer(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json");
            assertThat(answer).doesNotContain("\"status\":413");
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("closed after " + headers.size() + " bytes: " + headers);
            }
            headers.write(next);
            matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : next == '\r' ? 1 : 0;
        }
        return headers.toString(StandardCharsets.ISO_8859_1);
    }

    /** The next answer on the connection, or "" when the server closed it instead. */
    private static String nextAnswer(InputStream in) {
        try {
            String headers = readHeaders(in);
            Matcher length = CONTENT_LENGTH.matcher(headers);
            int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
            return headers + new String(in.readNBytes(bodyLength), StandardCharsets.ISO_8859_1);
        } catch (IOException closed) {
            return "";
        }
    }
}
