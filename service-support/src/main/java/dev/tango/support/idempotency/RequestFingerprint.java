package dev.tango.support.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same" for an {@code Idempotency-Key}: SHA-256 of the method, the raw path and query,
 * the Content-Type and the body bytes. Each part is length-prefixed, so no two different requests share the input.
 */
public record RequestFingerprint(String hex) {

    public static RequestFingerprint of(String method, String pathAndQuery, String contentType, byte[] body) {
        MessageDigest sha256 = sha256();
        part(sha256, method.getBytes(StandardCharsets.UTF_8));
        part(sha256, pathAndQuery.getBytes(StandardCharsets.UTF_8));
        part(sha256, (contentType == null ? "" : contentType.trim()).getBytes(StandardCharsets.UTF_8));
        part(sha256, body);
        return new RequestFingerprint(HexFormat.of().formatHex(sha256.digest()));
    }

    /**
     * The id of a caller's key: keys are scoped per caller, so one caller can never claim or replay another's.
     * Hashed, so that the stored id is fixed-length and does not repeat the key.
     */
    public static String recordId(String caller, IdempotencyKey key) {
        MessageDigest sha256 = sha256();
        sha256.update((caller + "\n" + key.value()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void part(MessageDigest digest, byte[] bytes) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
