package dev.tango.gateway.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AdminScopeTest {

    private static final AdminScope ADMIN_OF_A = AdminScope.of(Set.of(Role.ADMIN), programs("a"));

    @Test
    void anAdminSeesWhoSharesAProgramAndManagesWhoIsWhollyTheirs() {
        assertThat(ADMIN_OF_A.sees(user(Set.of(Role.STUDENT), "a"))).isTrue();
        assertThat(ADMIN_OF_A.manages(user(Set.of(Role.STUDENT), "a"))).isTrue();

        User shared = user(Set.of(Role.MENTOR), "a", "c");
        assertThat(ADMIN_OF_A.sees(shared)).isTrue();
        assertThat(ADMIN_OF_A.manages(shared)).isFalse();

        User foreign = user(Set.of(Role.STUDENT), "b");
        assertThat(ADMIN_OF_A.sees(foreign)).isFalse();
        assertThat(ADMIN_OF_A.manages(foreign)).isFalse();

        User nowhere = user(Set.of(Role.STUDENT));
        assertThat(ADMIN_OF_A.sees(nowhere)).isFalse();
        assertThat(ADMIN_OF_A.manages(nowhere))
                .as("a user in no program is the platform admins'")
                .isFalse();

        User platformAdmin = user(Set.of(Role.ADMIN, Role.PLATFORM_ADMIN), "a");
        assertThat(ADMIN_OF_A.sees(platformAdmin)).isTrue();
        assertThat(ADMIN_OF_A.manages(platformAdmin)).isFalse();
    }

    @Test
    void anAdminGrantsOnlyTheirProgramsAndNeverPlatformAdmin() {
        assertThat(ADMIN_OF_A.grants(Set.of(Role.ADMIN), programs("a"))).isTrue();
        assertThat(ADMIN_OF_A.grants(Set.of(Role.STUDENT), programs("a", "b"))).isFalse();
        assertThat(ADMIN_OF_A.grants(Set.of(Role.STUDENT), Set.of())).isFalse();
        assertThat(ADMIN_OF_A.grants(Set.of(Role.ADMIN, Role.PLATFORM_ADMIN), programs("a")))
                .isFalse();
        assertThat(ADMIN_OF_A.coversClient(programs("a"))).isTrue();
        assertThat(ADMIN_OF_A.coversClient(programs("a", "b"))).isFalse();
        assertThat(ADMIN_OF_A.coversClient(Set.of())).isFalse();
    }

    @Test
    void nothingIsImplicit() {
        for (AdminScope none : new AdminScope[] {
            AdminScope.of(Set.of(Role.ADMIN), Set.of()),
            AdminScope.of(Set.of(Role.MENTOR), programs("a")),
            AdminScope.of(Set.of(Role.PLATFORM_ADMIN), programs("a"))
        }) {
            assertThat(none.platform()).isFalse();
            assertThat(none.sees(user(Set.of(Role.STUDENT)))).isFalse();
            assertThat(none.manages(user(Set.of(Role.STUDENT)))).isFalse();
            assertThat(none.grants(Set.of(Role.STUDENT), Set.of())).isFalse();
            assertThat(none.coversClient(Set.of())).isFalse();
        }
        assertThat(AdminScope.of(Set.of(Role.MENTOR), programs("a")).sees(user(Set.of(Role.STUDENT), "a")))
                .as("only an ADMIN administers")
                .isFalse();
    }

    @Test
    void aPlatformAdminAdministersEverything() {
        AdminScope platform = AdminScope.of(Set.of(Role.ADMIN, Role.PLATFORM_ADMIN), Set.of());
        assertThat(platform.platform()).isTrue();
        User nowhere = user(Set.of(Role.STUDENT));
        assertThat(platform.sees(nowhere)).isTrue();
        assertThat(platform.manages(user(Set.of(Role.ADMIN, Role.PLATFORM_ADMIN), "b")))
                .isTrue();
        assertThat(platform.grants(Set.of(Role.ADMIN, Role.PLATFORM_ADMIN), Set.of()))
                .isTrue();
        assertThat(platform.coversClient(programs("b"))).isTrue();
    }

    private static Set<ProgramId> programs(String... ids) {
        return Arrays.stream(ids).map(ProgramId::of).collect(Collectors.toSet());
    }

    private static User user(Set<Role> roles, String... programs) {
        return User.register(
                UserId.newId(), "Test", "t@example.test", roles, programs(programs), "{noop}x", Instant.EPOCH);
    }
}
