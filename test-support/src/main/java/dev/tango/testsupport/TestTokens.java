package dev.tango.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * Signs bearer JWTs the way the gateway does (RS256, {@code kid}, issuer, audience, roles, programs, name, a five
 * minute lifetime), with a key whose public half a small real HTTP server publishes as a JWKS on a free port of this
 * machine. The same server answers OpenID Connect discovery for {@link #providerIssuer()}, so that the switch to an
 * external provider can be tested too. Also makes the bad tokens that services must refuse.
 *
 * <p>Tokens live five minutes: mint them per test (or per request), never once per test run.
 */
public final class TestTokens {

    /** The issuer the services expect in integration tests ({@code tango.security.issuer}). */
    public static final String ISSUER = "http://tango-test-issuer";

    public static final String AUDIENCE = "tango-api";

    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private static TestTokens instance;

    private final RSAKey key;
    private final RSAKey unpublishedKey;
    private final RSAKey impostorKey;
    private final HttpServer server;

    private TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            unpublishedKey = new RSAKeyGenerator(2048).keyID("unpublished-key").generate();
            // Same kid as the published key, different key pair: the signature cannot verify.
            impostorKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "test-jwks");
                thread.setDaemon(true);
                return thread;
            }));
            String jwks = new JWKSet(key.toPublicJWK()).toString();
            server.createContext("/.well-known/jwks.json", exchange -> json(exchange, jwks));
            server.createContext(
                    "/.well-known/openid-configuration",
                    exchange -> json(exchange, """
                    {"issuer":"%s","jwks_uri":"%s","id_token_signing_alg_values_supported":["RS256"]}""".formatted(providerIssuer(), jwkSetUri())));
            server.start();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generates the key and starts the server on first use; later calls return the same. */
    public static synchronized TestTokens get() {
        if (instance == null) {
            instance = new TestTokens();
        }
        return instance;
    }

    /** Where the public key is published ({@code tango.security.jwk-set-uri}). */
    public String jwkSetUri() {
        return providerIssuer() + "/.well-known/jwks.json";
    }

    /**
     * The issuer of the server seen as an OpenID Connect provider: its discovery document names this issuer and the
     * JWKS ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}).
     */
    public String providerIssuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String student(String userId, String... programs) {
        return token(userId, List.of("STUDENT"), List.of(programs));
    }

    public String mentor(String userId, String... programs) {
        return token(userId, List.of("MENTOR"), List.of(programs));
    }

    public String admin(String userId, String... programs) {
        return token(userId, List.of("ADMIN"), List.of(programs));
    }

    /** A good token, as the gateway signs it. */
    public String token(String subject, List<String> roles, List<String> programs) {
        return sign(claims(subject, roles, programs).build());
    }

    /** The claims of a good token, to change before {@link #sign signing}. */
    public JWTClaimsSet.Builder claims(String subject, List<String> roles, List<String> programs) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles)
                .claim("programs", programs)
                .claim("name", subject);
    }

    /** Signs with the published key, RS256, {@code kid} and {@code typ: JWT}, as the gateway does. */
    public String sign(JWTClaimsSet claims) {
        return sign(key, JWSAlgorithm.RS256, claims);
    }

    /** Expired ten minutes ago, well beyond any clock skew allowed. */
    public String expired(String subject) {
        Instant now = Instant.now();
        return sign(adminClaims(subject)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .build());
    }

    public String withoutExpiry(String subject) {
        return sign(adminClaims(subject).expirationTime(null).build());
    }

    public String wrongIssuer(String subject) {
        return sign(adminClaims(subject).issuer("http://evil.example").build());
    }

    public String wrongAudience(String subject) {
        return sign(adminClaims(subject).audience("another-api").build());
    }

    /** Signed by a key whose {@code kid} the JWKS does not hold. */
    public String unknownKey(String subject) {
        return sign(unpublishedKey, JWSAlgorithm.RS256, adminClaims(subject).build());
    }

    /** Signed by another key under the published {@code kid}. */
    public String impostorKey(String subject) {
        return sign(impostorKey, JWSAlgorithm.RS256, adminClaims(subject).build());
    }

    /** An unsigned token: {@code {"alg":"none"}}. */
    public String algNone(String subject) {
        return new PlainJWT(adminClaims(subject).build()).serialize();
    }

    /** HS256 with the published public key as the secret: the old algorithm-confusion attack. */
    public String hmacWithPublicKey(String subject) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    adminClaims(subject).build());
            jwt.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A well-signed student token whose payload was changed afterwards to claim ADMIN. */
    public String tampered(String subject) {
        String[] parts = student(subject).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("STUDENT", "ADMIN").getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + forged + "." + parts[2];
    }

    private JWTClaimsSet.Builder adminClaims(String subject) {
        return claims(subject, List.of("ADMIN"), List.of());
    }

    private static String sign(RSAKey signingKey, JWSAlgorithm algorithm, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(algorithm)
                            .keyID(signingKey.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
