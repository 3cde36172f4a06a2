package dev.tango.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.test.StepVerifier;

class CallerClaimsTest {

    private static final CallerClaims gateway = new CallerClaims(
            new TangoSecurityProperties("http://127.0.0.1:8080", "tango-api", null, "roles", "programs", List.of()));

    @Test
    void readsTheCallerFromTheGatewaysClaims() {
        Caller caller = gateway.caller(jwt(Map.of(
                "sub", "admin-ada", "roles", List.of("ADMIN", "MENTOR"), "programs", List.of("pcc-2026", "pcc-2027"))));

        assertThat(caller.id()).isEqualTo(UserId.of("admin-ada"));
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.MENTOR);
        assertThat(caller.programs()).containsExactlyInAnyOrder(ProgramId.of("pcc-2026"), ProgramId.of("pcc-2027"));
    }

    @Test
    void ignoresRolesOfOtherApplicationsAndMalformedProgramIds() {
        Caller caller = gateway.caller(jwt(Map.of(
                "sub",
                "student-ana",
                "roles",
                List.of("offline_access", "student", "SUPERUSER"),
                "programs",
                List.of("pcc 2026", "ok-program"))));

        assertThat(caller.roles()).containsExactly(Role.STUDENT);
        assertThat(caller.programs()).containsExactly(ProgramId.of("ok-program"));
    }

    @Test
    void grantsNothingWhenTheClaimsAreMissingOrOfAnotherShape() {
        Caller caller = gateway.caller(jwt(Map.of("sub", "client-42", "roles", 7, "programs", Map.of("a", "b"))));

        assertThat(caller.roles()).isEmpty();
        assertThat(caller.programs()).isEmpty();
    }

    @Test
    void readsNestedClaimsAsAKeycloakRealmCarriesThem() {
        CallerClaims keycloak = new CallerClaims(new TangoSecurityProperties(
                "https://sso.example/realms/tango",
                "tango-api",
                null,
                "realm_access.roles",
                "tango.programs",
                List.of("RS256")));

        Caller caller = keycloak.caller(jwt(Map.of(
                "sub",
                "mentor-marco",
                "realm_access",
                Map.of("roles", List.of("default-roles-tango", "mentor")),
                "tango",
                Map.of("programs", List.of("pcc-2026")))));

        assertThat(caller.roles()).containsExactly(Role.MENTOR);
        assertThat(caller.programs()).containsExactly(ProgramId.of("pcc-2026"));
    }

    @Test
    void grantsRoleAuthoritiesForTheActuatorRules() {
        StepVerifier.create(gateway.convert(jwt(Map.of("sub", "admin-ada", "roles", List.of("ADMIN")))))
                .assertNext(authentication -> {
                    assertThat(authentication.getName()).isEqualTo("admin-ada");
                    assertThat(authentication.getAuthorities())
                            .extracting(GrantedAuthority::getAuthority)
                            .containsExactly("ROLE_ADMIN");
                })
                .verifyComplete();
    }

    @Test
    void aCallerIsAStudentMentorOrAdminOnlyWithTheMatchingRole() {
        Caller mentor = new Caller(UserId.of("marco"), Set.of(Role.MENTOR), Set.of(ProgramId.of("pcc-2026")));

        assertThat(mentor.isMentorAmong(List.of(UserId.of("marco")))).isTrue();
        assertThat(mentor.isStudent(UserId.of("marco"))).isFalse();
        assertThat(mentor.administers(ProgramId.of("pcc-2026"))).isFalse();
        assertThat(new Caller(UserId.of("ada"), Set.of(Role.ADMIN), Set.of(ProgramId.of("pcc-2026")))
                        .administers(ProgramId.of("pcc-2026")))
                .isTrue();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .claims(all -> all.putAll(claims))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .build();
    }
}
