package dev.tango.gateway.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.security.TangoPrincipal;
import dev.tango.gateway.user.AdminScope;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import dev.tango.gateway.user.UserChanges;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import reactor.test.StepVerifier;

class ServiceTokenIT extends GatewayIntegrationTest {

    @Autowired
    ServiceTokenIssuer issuer;

    @Autowired
    SigningKey signingKey;

    @Test
    void mintsAnRs256TokenWithTheContractClaimsThatVerifiesAgainstTheJwksEndpoint() {
        User mentor = createUser("mentor", Role.MENTOR, "pcc-2026", "acc-2027");
        String token = issuer.tokenFor(TangoPrincipal.of(mentor)).block(Duration.ofSeconds(5));

        Jwt jwt = NimbusReactiveJwtDecoder.withJwkSetUri(baseUrl() + "/.well-known/jwks.json")
                .build()
                .decode(token)
                .block(Duration.ofSeconds(10));

        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", signingKey.keyId());
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("http://gateway.test");
        assertThat(jwt.getAudience()).containsExactly("tango-api");
        assertThat(jwt.getSubject()).isEqualTo(mentor.id().value());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("MENTOR");
        assertThat(jwt.getClaimAsStringList("programs")).containsExactly("acc-2027", "pcc-2026");
        assertThat(jwt.getClaimAsString("name")).isEqualTo(mentor.displayName());
        assertThat(jwt.getId()).isNotBlank();
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
        String payload = new String(
                java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(payload).contains("\"aud\":\"tango-api\"", "\"roles\":[\"MENTOR\"]");
    }

    @Test
    void aPlatformAdminIsAnAdminOfTheirProgramsToTheServices() {
        User platformAdmin = createPlatformAdmin("pcc-2026");
        String token = issuer.tokenFor(TangoPrincipal.of(platformAdmin)).block(Duration.ofSeconds(5));

        Jwt jwt = NimbusReactiveJwtDecoder.withJwkSetUri(baseUrl() + "/.well-known/jwks.json")
                .build()
                .decode(token)
                .block(Duration.ofSeconds(10));

        assertThat(jwt.getClaimAsStringList("roles"))
                .as("PLATFORM_ADMIN is the gateway's alone")
                .containsExactly("ADMIN");
        assertThat(jwt.getClaimAsStringList("programs")).containsExactly("pcc-2026");
    }

    @Test
    void aRestartReadingTheSameKeyFolderKeepsTheSameKid() {
        assertThat(SigningKey.loadOrCreate(KEY_DIR).keyId()).isEqualTo(signingKey.keyId());
    }

    @Test
    void jwksPublishesThePublicKeyOnly() {
        Map<?, ?> jwks = client().get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> key = ((java.util.List<Map<String, Object>>) jwks.get("keys")).get(0);
        assertThat(key)
                .containsEntry("kty", "RSA")
                .containsEntry("kid", signingKey.keyId())
                .containsKeys("n", "e");
        assertThat(key).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
    }

    @Test
    void reusesTheCachedTokenUntilTheUserChanges() {
        User student = createUser("student", Role.STUDENT, "pcc-2026");
        TangoPrincipal principal = TangoPrincipal.of(student);
        String first = issuer.tokenFor(principal).block(Duration.ofSeconds(5));

        assertThat(issuer.tokenFor(principal).block(Duration.ofSeconds(5))).isSameAs(first);

        userService
                .update(
                        AdminScope.everything(),
                        student.id(),
                        new UserChanges(null, null, Set.of(Role.STUDENT, Role.MENTOR), null, null, null))
                .block(Duration.ofSeconds(5));
        String afterChange = issuer.tokenFor(principal).block(Duration.ofSeconds(5));
        assertThat(afterChange).isNotEqualTo(first);
        Jwt jwt = NimbusReactiveJwtDecoder.withJwkSetUri(baseUrl() + "/.well-known/jwks.json")
                .build()
                .decode(afterChange)
                .block(Duration.ofSeconds(10));
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("STUDENT", "MENTOR");
    }

    @Test
    void replacesTheCachedTokenAMinuteBeforeItExpires() {
        User student = createUser("student", Role.STUDENT);
        TangoPrincipal principal = TangoPrincipal.of(student);
        try {
            String first = issuer.tokenFor(principal).block(Duration.ofSeconds(5));
            clock.advance(Duration.ofMinutes(3).plusSeconds(50));
            assertThat(issuer.tokenFor(principal).block(Duration.ofSeconds(5))).isSameAs(first);
            clock.advance(Duration.ofSeconds(20));
            assertThat(issuer.tokenFor(principal).block(Duration.ofSeconds(5))).isNotEqualTo(first);
        } finally {
            clock.reset();
        }
    }

    @Test
    void givesNoNewTokenToADeactivatedUser() {
        User student = createUser("student", Role.STUDENT);
        userService.deactivate(AdminScope.everything(), student.id()).block(Duration.ofSeconds(5));

        StepVerifier.create(issuer.tokenFor(TangoPrincipal.of(student)))
                .expectError(NoServiceTokenException.class)
                .verify(Duration.ofSeconds(5));
        assertThatThrownBy(() -> issuer.tokenFor(TangoPrincipal.of(student)).block())
                .isInstanceOf(NoServiceTokenException.class);
    }
}
