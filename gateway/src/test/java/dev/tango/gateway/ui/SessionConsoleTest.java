package dev.tango.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tango.events.ProgramId;
import dev.tango.gateway.security.TangoPrincipal;
import dev.tango.gateway.ui.client.SessionDetail;
import dev.tango.gateway.user.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionConsoleTest {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final TangoPrincipal MENTOR = person("mentor-marco", Role.MENTOR);
    private static final TangoPrincipal STUDENT = person("student-ana", Role.STUDENT);

    @Test
    void offersExactlyTheAllowedMovesInPhaseOrderWithTheirNumberKeys() {
        SessionDetail session = live(List.of("MEANING_MAKING", "EXPLORING"), phase("OPENING", 0));

        SessionConsole console = SessionConsole.of(session, MENTOR, START.plusSeconds(90));

        assertThat(console.moves())
                .extracting(SessionConsole.Move::phase, SessionConsole.Move::key, SessionConsole.Move::label)
                .containsExactly(tuple("EXPLORING", "2", "Exploring"), tuple("MEANING_MAKING", "3", "Meaning making"));
        assertThat(console.shortcuts())
                .extracting(SessionConsole.Shortcut::key)
                .containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void offersNoMoveUnlessInProgress() {
        SessionDetail ended = new SessionDetail(
                "s",
                "pcc-2026",
                "student-ana",
                List.of("mentor-marco"),
                "LIVE",
                "ENDED",
                "CLOSING",
                List.of("ACTION_PLANNING"),
                null,
                null,
                START,
                START,
                START.plusSeconds(60),
                null,
                null,
                List.of(phase("OPENING", 0), phase("CLOSING", 30)),
                null,
                3);

        assertThat(SessionConsole.of(ended, MENTOR, START.plusSeconds(600)).moves())
                .isEmpty();
    }

    @Test
    void aLiveTimelineRunsOnTheWallClockAndItsLastPhaseUntilNow() {
        SessionDetail session = live(
                List.of("ACTION_PLANNING", "EXPLORING"),
                phase("OPENING", 0),
                phase("EXPLORING", 60),
                phase("MEANING_MAKING", 180),
                phase("EXPLORING", 240));

        SessionConsole console = SessionConsole.of(session, MENTOR, START.plusSeconds(300));

        assertThat(console.segments())
                .extracting(SessionConsole.Segment::lengthMs)
                .containsExactly(60_000L, 120_000L, 60_000L, 60_000L);
        assertThat(console.segments())
                .extracting(SessionConsole.Segment::x)
                .containsExactly("0.000", "20.000", "60.000", "80.000");
        assertThat(console.segments().get(3).open()).isTrue();
        assertThat(console.spanMs()).isEqualTo(300_000);
        assertThat(console.totals())
                .extracting(
                        SessionConsole.PhaseTotal::label,
                        SessionConsole.PhaseTotal::text,
                        SessionConsole.PhaseTotal::share)
                .containsExactly(
                        tuple("Opening", "1:00", 20L),
                        tuple("Exploring", "3:00", 60L),
                        tuple("Meaning making", "1:00", 20L));
        assertThat(console.notEntered()).containsExactly("Action planning", "Closing");
        assertThat(console.clock().running()).isTrue();
        assertThat(console.clock().elapsed()).isEqualTo("00:05:00");
        assertThat(console.clock().inPhase()).isEqualTo("00:01:00");
        assertThat(console.clock().phaseLabel()).isEqualTo("Exploring");
        assertThat(console.barDescription())
                .isEqualTo(
                        "Timeline of the phases: Opening 1:00, Exploring 2:00, Meaning making 1:00, Exploring 1:00.");
    }

    @Test
    void aReviewTimelineRunsOnTheRecordingsTimeCodesToTheEndOfItsTranscript() {
        SessionDetail session = new SessionDetail(
                "s",
                "pcc-2026",
                "student-ana",
                List.of("mentor-marco"),
                "REVIEW",
                "IN_PROGRESS",
                "MEANING_MAKING",
                List.of("EXPLORING", "ACTION_PLANNING"),
                "Client B",
                "A goal",
                START,
                START,
                null,
                null,
                null,
                List.of(
                        new SessionDetail.PhaseEntry("OPENING", START, null),
                        new SessionDetail.PhaseEntry("EXPLORING", START.plusSeconds(5), 90_000L),
                        new SessionDetail.PhaseEntry("MEANING_MAKING", START.plusSeconds(9), 421_000L)),
                new SessionDetail.TranscriptSummary(40, 5000, 600_000L),
                4);

        SessionConsole console = SessionConsole.of(session, MENTOR, START.plusSeconds(3600));

        assertThat(console.segments())
                .extracting(SessionConsole.Segment::startMs, SessionConsole.Segment::endMs)
                .containsExactly(tuple(0L, 90_000L), tuple(90_000L, 421_000L), tuple(421_000L, 600_000L));
        assertThat(console.minTimeCodeMs()).isEqualTo(421_000L);
        assertThat(console.minTimeCode()).isEqualTo("7:01");
        assertThat(console.clock().running()).as("a review has no clock").isFalse();
    }

    @Test
    void mentorsOfTheSessionAndAdminsOfItsProgramManageItButNotItsStudent() {
        SessionDetail session = live(List.of("EXPLORING"), phase("OPENING", 0));
        TangoPrincipal admin = new TangoPrincipal(
                "admin-ada",
                "Ada",
                Set.of(Role.ADMIN),
                Set.of(ProgramId.of("pcc-2026")),
                TangoPrincipal.Kind.USER,
                null);
        TangoPrincipal otherAdmin = new TangoPrincipal(
                "admin-bo", "Bo", Set.of(Role.ADMIN), Set.of(ProgramId.of("acc-2027")), TangoPrincipal.Kind.USER, null);

        assertThat(SessionConsole.of(session, MENTOR, START).mayManage()).isTrue();
        assertThat(SessionConsole.of(session, admin, START).mayManage()).isTrue();
        assertThat(SessionConsole.of(session, otherAdmin, START).mayManage()).isFalse();
        assertThat(SessionConsole.of(session, STUDENT, START).mayManage()).isFalse();
    }

    private static SessionDetail live(List<String> allowedMoves, SessionDetail.PhaseEntry... phases) {
        return new SessionDetail(
                "s",
                "pcc-2026",
                "student-ana",
                List.of("mentor-marco"),
                "LIVE",
                "IN_PROGRESS",
                phases[phases.length - 1].phase(),
                allowedMoves,
                null,
                null,
                START,
                START,
                null,
                null,
                null,
                List.of(phases),
                null,
                1);
    }

    private static SessionDetail.PhaseEntry phase(String phase, long secondsAfterStart) {
        return new SessionDetail.PhaseEntry(phase, START.plusSeconds(secondsAfterStart), null);
    }

    private static TangoPrincipal person(String id, Role role) {
        return new TangoPrincipal(id, id, Set.of(role), Set.of(), TangoPrincipal.Kind.USER, null);
    }
}
