package dev.tango.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.support.security.Caller;
import dev.tango.support.security.Role;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The access rules on a session of student-ana in pcc-2026, mentored by mentor-marco. */
class SessionAccessTest {

    private static final ProgramId PROGRAM = ProgramId.of("pcc-2026");
    private static final PracticeSession SESSION = SessionBuilder.aSession().scheduled();

    static Stream<Arguments> callers() {
        return Stream.of(
                // caller, may schedule in pcc-2026, see, run, cancel
                Arguments.of("the session's student", caller("student-ana", Role.STUDENT), false, true, true, false),
                Arguments.of("another student", caller("student-bo", Role.STUDENT), false, false, false, false),
                Arguments.of("the assigned mentor", caller("mentor-marco", Role.MENTOR), false, true, true, true),
                Arguments.of("another mentor", caller("mentor-mia", Role.MENTOR), false, false, false, false),
                Arguments.of("an admin of the program", caller("admin-ada", Role.ADMIN), true, true, true, true),
                Arguments.of(
                        "an admin of another program",
                        new Caller(UserId.of("admin-ed"), Set.of(Role.ADMIN), Set.of(ProgramId.of("other"))),
                        false,
                        false,
                        false,
                        false),
                Arguments.of(
                        "the student's id without the STUDENT role",
                        caller("student-ana", Role.MENTOR),
                        false,
                        false,
                        false,
                        false),
                Arguments.of(
                        "the mentor's id without the MENTOR role",
                        caller("mentor-marco", Role.STUDENT),
                        false,
                        false,
                        false,
                        false),
                Arguments.of(
                        "a caller with no role",
                        new Caller(UserId.of("client-7"), Set.of(), Set.of(PROGRAM)),
                        false,
                        false,
                        false,
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void decidesWhoMayDoWhat(String who, Caller caller, boolean schedule, boolean see, boolean run, boolean cancel) {
        assertThat(SessionAccess.maySchedule(caller, PROGRAM)).as("schedule").isEqualTo(schedule);
        assertThat(SessionAccess.maySee(caller, SESSION)).as("see").isEqualTo(see);
        assertThat(SessionAccess.mayRun(caller, SESSION)).as("run").isEqualTo(run);
        assertThat(SessionAccess.mayCancel(caller, SESSION)).as("cancel").isEqualTo(cancel);
    }

    @Test
    void scopesAListToWhatEachRoleOfTheCallerMaySee() {
        Caller everything =
                new Caller(UserId.of("ada"), Set.of(Role.STUDENT, Role.MENTOR, Role.ADMIN), Set.of(PROGRAM));

        assertThat(SessionAccess.scopeOf(everything))
                .isEqualTo(new SessionScope(UserId.of("ada"), UserId.of("ada"), Set.of(PROGRAM)));
        assertThat(SessionAccess.scopeOf(caller("mentor-marco", Role.MENTOR)))
                .isEqualTo(new SessionScope(null, UserId.of("mentor-marco"), Set.of()));
        assertThat(SessionAccess.scopeOf(new Caller(UserId.of("client-7"), Set.of(), Set.of(PROGRAM)))
                        .isEmpty())
                .isTrue();
    }

    private static Caller caller(String id, Role role) {
        return new Caller(UserId.of(id), Set.of(role), Set.of(PROGRAM));
    }
}
