package dev.tango.benchmark;

/** One simulated practice session: its student, the mentor who runs it, and the phase it is in as far as we know. */
final class SimSession {

    final String id;
    final String studentId;
    final Http.Caller mentor;
    volatile String phase = "OPENING";
    volatile int moves;

    SimSession(String id, String studentId, Http.Caller mentor) {
        this.id = id;
        this.studentId = studentId;
        this.mentor = mentor;
    }

    /**
     * The phase of the next move: from the opening into exploring, then back and forth between exploring and meaning
     * making, which the session service allows any number of times.
     */
    String nextPhase() {
        return "EXPLORING".equals(phase) ? "MEANING_MAKING" : "EXPLORING";
    }
}
