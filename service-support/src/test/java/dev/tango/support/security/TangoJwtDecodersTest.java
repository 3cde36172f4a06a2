package dev.tango.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tango.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.test.StepVerifier;

/**
 * The decoder every service uses, against the real JWKS server of {@link TestTokens}. A refusal must be a
 * {@link BadJwtException}: that is what the resource server answers with 401 (any other error would be a 500).
 */
class TangoJwtDecodersTest {

    /** A bound on a hang, not a timing check: discovery plus JWKS fetch took over 10 s once on a machine at load 26. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final TestTokens tokens = TestTokens.get();

    private static TangoSecurityProperties properties(String issuer, String jwkSetUri, List<String> algorithms) {
        return new TangoSecurityProperties(issuer, "tango-api", jwkSetUri, "roles", "programs", algorithms);
    }

    private static final ReactiveJwtDecoder gateway =
            TangoJwtDecoders.create(properties(TestTokens.ISSUER, tokens.jwkSetUri(), List.of("RS256")), null);

    @Test
    void acceptsATokenSignedAsTheGatewaySignsIt() {
        StepVerifier.create(gateway.decode(tokens.mentor("mentor-marco", "pcc-2026")))
                .assertNext(jwt -> {
                    assertThat(jwt.getSubject()).isEqualTo("mentor-marco");
                    assertThat(jwt.getAudience()).containsExactly("tango-api");
                    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("MENTOR");
                })
                .expectComplete()
                .verify(WAIT);
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                refused("a tampered payload (bad signature)", tokens::tampered),
                refused("alg: none", tokens::algNone),
                refused("HS256 keyed with the public key", tokens::hmacWithPublicKey),
                refused("expired", tokens::expired),
                refused("no expiry at all", tokens::withoutExpiry),
                refused("a wrong issuer", tokens::wrongIssuer),
                refused("a wrong audience", tokens::wrongAudience),
                refused("a key the JWKS does not publish", tokens::unknownKey),
                refused("another key under the published kid", tokens::impostorKey),
                refused("a subject that is no user id", subject -> tokens.admin("not a user id!")),
                refused("not a JWT at all", subject -> "not-a-jwt"));
    }

    private static Arguments refused(String why, Function<String, String> token) {
        return Arguments.of(why, token.apply("admin-ada"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("refusedTokens")
    void refuses(String why, String token) {
        StepVerifier.create(gateway.decode(token))
                .expectError(BadJwtException.class)
                .verify(WAIT);
    }

    @Test
    void switchesToAnExternalOpenIdConnectProviderFoundByDiscoveryAndStillChecksTheAudience() {
        String provider = tokens.providerIssuer();
        // tango.security.issuer and jwk-set-uri stay at their defaults: the provider's issuer-uri is all it takes.
        ReactiveJwtDecoder external =
                TangoJwtDecoders.create(properties("http://127.0.0.1:8080", null, List.of("RS256")), provider);

        StepVerifier.create(external.decode(tokens.sign(tokens.claims("student-ana", List.of("STUDENT"), List.of())
                        .issuer(provider)
                        .build())))
                .assertNext(jwt -> assertThat(jwt.getSubject()).isEqualTo("student-ana"))
                .expectComplete()
                .verify(WAIT);
        StepVerifier.create(external.decode(tokens.student("student-ana")))
                .expectError(BadJwtException.class)
                .verify(WAIT);
        StepVerifier.create(external.decode(tokens.sign(tokens.claims("student-ana", List.of("STUDENT"), List.of())
                        .issuer(provider)
                        .audience("account")
                        .build())))
                .expectError(BadJwtException.class)
                .verify(WAIT);
    }

    @Test
    void refusesToStartWithASymmetricOrUnknownAlgorithm() {
        assertThatThrownBy(() -> TangoJwtDecoders.create(
                        properties(TestTokens.ISSUER, tokens.jwkSetUri(), List.of("HS256")), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HS256");
    }

    @Test
    void findsTheKeysUnderTheIssuerWhenNoJwksUriIsGiven() {
        assertThat(properties("http://127.0.0.1:8080/", null, List.of("RS256")).effectiveJwkSetUri())
                .isEqualTo("http://127.0.0.1:8080/.well-known/jwks.json");
    }
}
