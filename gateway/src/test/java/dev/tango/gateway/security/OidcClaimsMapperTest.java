package dev.tango.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.ProgramId;
import dev.tango.gateway.user.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

class OidcClaimsMapperTest {

    @Test
    void mapsKeycloakStyleNestedRolesAndProgramsOntoATangoPrincipal() {
        OidcClaimsMapper mapper = new OidcClaimsMapper(
                new OidcProperties("keycloak", "preferred_username", "name", "realm_access.roles", "tango_programs"));
        OidcIdToken idToken = new OidcIdToken(
                "id-token",
                Instant.now(),
                Instant.now().plusSeconds(60),
                Map.of(
                        "sub", "8a1e-uuid",
                        "preferred_username", "mentor-marco",
                        "name", "Marco",
                        "realm_access", Map.of("roles", List.of("mentor", "offline_access", "ADMIN")),
                        "tango_programs", List.of("pcc-2026", "not a valid id")));

        TangoPrincipal principal = mapper.principal(new DefaultOidcUser(Set.of(), idToken));

        assertThat(principal.subject()).isEqualTo("mentor-marco");
        assertThat(principal.displayName()).isEqualTo("Marco");
        assertThat(principal.roles()).containsExactlyInAnyOrder(Role.MENTOR, Role.ADMIN);
        assertThat(principal.programs()).containsExactly(ProgramId.of("pcc-2026"));
        assertThat(principal.kind()).isEqualTo(TangoPrincipal.Kind.OIDC_USER);
    }

    @Test
    void readsSpaceSeparatedRoleStrings() {
        OidcClaimsMapper mapper = new OidcClaimsMapper(new OidcProperties("x", "sub", "name", "roles", "programs"));
        assertThat(mapper.roles(Map.of("roles", "student mentor")))
                .containsExactlyInAnyOrder(Role.STUDENT, Role.MENTOR);
        assertThat(mapper.roles(Map.of())).isEmpty();
    }
}
