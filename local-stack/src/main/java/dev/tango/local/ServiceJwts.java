package dev.tango.local;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * Service JWTs signed the way the gateway signs them, with the gateway's key from a stack's data directory. The
 * services' own actuator endpoints are not behind the gateway, and the gateway mints tokens only for the calls it
 * routes; so a test, the reliability suite or the benchmark that calls a service directly signs its own (it signs
 * only with the key of a stack's own data directory).
 */
public final class ServiceJwts {

    private ServiceJwts() {}

    /** An RS256 JWT with the claims of the gateway's service tokens, valid for two minutes. */
    public static String sign(
            LocalStack stack, String subject, List<String> roles, List<String> programs, String name) {
        try {
            Path keyFile = stack.dataDir().resolve("keys").resolve("service-token-rs256.jwk.json");
            Document jwk = Document.parse(Files.readString(keyFile));
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new RSAPrivateCrtKeySpec(
                            unsigned(jwk, "n"),
                            unsigned(jwk, "e"),
                            unsigned(jwk, "d"),
                            unsigned(jwk, "p"),
                            unsigned(jwk, "q"),
                            unsigned(jwk, "dp"),
                            unsigned(jwk, "dq"),
                            unsigned(jwk, "qi")));
            long now = Instant.now().getEpochSecond();
            Document header = new Document("alg", "RS256")
                    .append("kid", jwk.getString("kid"))
                    .append("typ", "JWT");
            Document claims = new Document("iss", stack.gatewayUrl())
                    .append("aud", List.of("tango-api"))
                    .append("sub", subject)
                    .append("iat", now)
                    .append("exp", now + 120)
                    .append("jti", UUID.randomUUID().toString())
                    .append("roles", roles)
                    .append("programs", programs)
                    .append("name", name);
            String signed = base64Url(header.toJson()) + "." + base64Url(claims.toJson());
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a service JWT with the gateway's key", e);
        }
    }

    private static BigInteger unsigned(Document jwk, String field) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString(field)));
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
