package dev.tango.reliability.faults;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;

/**
 * Compares every projection with the {@link ExpectedSession}s, through the APIs as the program's admin:
 *
 * <ul>
 *   <li>scoring-service: the session's timeline (phases, status, number of session events applied), its observations
 *       (each accepted one exactly once, retractions), the published scorecard's revision;
 *   <li>feedback-service: the session page (phases, status, transcript, observations that count, scores, published
 *       comments), the comments, and the student's session list (the session once, its phases and status).
 * </ul>
 *
 * A session with writes of unknown outcome is checked for what was accepted and for duplicates only.
 */
final class Verifier {

    private final Api api;
    private final String adminToken;

    Verifier(Api api, String adminToken) {
        this.api = api;
        this.adminToken = adminToken;
    }

    /**
     * Every difference found, one line each; empty when all projections match. Four sessions are checked at a time;
     * each student's session list is read once.
     */
    Result verify(List<ExpectedSession> sessions) {
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger lost = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger duplicated = new java.util.concurrent.atomic.AtomicInteger();
        Set<String> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Map<String, List<Document>> studentLists = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(4);
        try {
            pool.submit(() -> sessions.parallelStream().forEach(s -> {
                        List<String> own = new ArrayList<>();
                        Check check = verify(s, own, studentLists);
                        lost.addAndGet(check.lost);
                        duplicated.addAndGet(check.duplicated);
                        if (!own.isEmpty()) {
                            failing.add(s.id);
                            problems.addAll(own);
                        }
                    }))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("verification failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
        return new Result(sessions.size(), lost.get(), duplicated.get(), List.copyOf(problems), Set.copyOf(failing));
    }

    private Check verify(ExpectedSession s, List<String> problems, Map<String, List<Document>> studentLists) {
        {
            Check check = new Check(s, problems);

            Document timeline = api.read(adminToken, "/api/scoring/sessions/" + s.id + "/timeline");
            check.sequence("scoring timeline phases", s.phases, phasesOf(timeline.getList("phases", Document.class)));
            check.equal("scoring timeline status", s.status, timeline.getString("status"));
            check.count(
                    "scoring timeline session events applied",
                    s.sessionEvents(),
                    ((Number) timeline.get("lastSequence")).longValue());

            List<Document> observations = api.read(adminToken, "/api/scoring/sessions/" + s.id + "/observations")
                    .getList("items", Document.class);
            check.ids("scoring observations", s.observations.keySet(), ids(observations, "id"));
            for (Document o : observations) {
                Boolean retracted = s.observations.get(o.getString("id"));
                if (retracted != null && retracted != o.getBoolean("retracted")) {
                    check.problem("scoring observation " + o.getString("id") + " retracted=" + o.getBoolean("retracted")
                            + ", expected " + retracted);
                }
            }
            List<Document> scorecards = api.read(adminToken, "/api/scoring/sessions/" + s.id + "/scorecards")
                    .getList("items", Document.class);
            check.count("scoring published scorecards", s.publishedRevision > 0 ? 1 : 0, scorecards.size());
            if (s.publishedRevision > 0 && scorecards.size() == 1) {
                check.count(
                        "scoring scorecard revision",
                        s.publishedRevision,
                        scorecards.get(0).getInteger("revision"));
            }

            Document page = api.read(adminToken, "/api/feedback/sessions/" + s.id);
            check.sequence("feedback session phases", s.phases, phasesOf(page.getList("phases", Document.class)));
            check.equal("feedback session status", s.status, page.getString("status"));
            check.count(
                    "feedback transcript segments",
                    s.transcriptSegments,
                    page.getList("transcript", Document.class).size());
            List<String> pinned = page.getList("pins", Document.class).stream()
                    .map(pin -> pin.get("observation", Document.class))
                    .filter(Objects::nonNull)
                    .map(o -> o.getString("observationId"))
                    .toList();
            check.ids("feedback observations that count", s.countingObservations(), pinned);
            List<Document> mentorScores = page.getList("mentorScores", Document.class);
            check.count("feedback mentor scores", s.publishedRevision > 0 ? 1 : 0, mentorScores.size());
            check.ids(
                    "feedback published comments on the session page",
                    s.publishedComments(),
                    ids(page.getList("comments", Document.class), "id"));
            List<Document> comments = api.read(adminToken, "/api/feedback/sessions/" + s.id + "/comments")
                    .getList("items", Document.class);
            check.ids("feedback comments", s.publishedComments(), ids(comments, "id"));

            List<Document> list = studentLists.computeIfAbsent(
                    s.studentId,
                    student -> api.read(adminToken, "/api/feedback/students/" + student + "/sessions")
                            .getList("sessions", Document.class));
            List<Document> entries = list.stream()
                    .filter(entry -> s.id.equals(entry.getString("sessionId")))
                    .toList();
            check.count("feedback student session list entries", 1, entries.size());
            if (entries.size() == 1) {
                check.sequence(
                        "feedback student session list phases",
                        s.phases,
                        entries.get(0).getList("phasesVisited", String.class));
                check.equal(
                        "feedback student session list status",
                        s.status,
                        entries.get(0).getString("status"));
            }
            return check;
        }
    }

    private static List<String> phasesOf(List<Document> visits) {
        return visits.stream().map(visit -> visit.getString("phase")).toList();
    }

    private static List<String> ids(List<Document> documents, String field) {
        return documents.stream().map(d -> d.getString(field)).toList();
    }

    /**
     * What the comparison found.
     *
     * @param lost accepted items missing from a projection (or counts below the expected)
     * @param duplicated items seen more than once, or counts above the expected
     */
    record Result(int sessions, int lost, int duplicated, List<String> problems, Set<String> failingSessions) {}

    /** The comparisons of one session, tallying what is missing and what is extra. */
    private static final class Check {
        private final ExpectedSession s;
        private final List<String> problems;
        int lost;
        int duplicated;

        Check(ExpectedSession s, List<String> problems) {
            this.s = s;
            this.problems = problems;
        }

        void problem(String text) {
            problems.add("session " + s.id + (s.exact() ? "" : " (" + s.unknownOutcomes + " unknown outcomes)") + ": "
                    + text);
        }

        void equal(String what, Object expected, Object actual) {
            if (!Objects.equals(expected, actual) && s.exact()) {
                problem(what + " is " + actual + ", expected " + expected);
            }
        }

        void count(String what, long expected, Long actual) {
            long value = actual == null ? -1 : actual;
            if (value < expected) {
                lost += (int) (expected - Math.max(0, value));
                problem(what + ": " + actual + ", expected " + expected);
            } else if (value > expected && s.exact()) {
                duplicated += (int) (value - expected);
                problem(what + ": " + actual + ", expected " + expected);
            }
        }

        void count(String what, long expected, int actual) {
            count(what, expected, (Long) (long) actual);
        }

        /** The accepted phases in order; with unknown outcomes, the accepted ones must at least be a prefix. */
        void sequence(String what, List<String> expected, List<String> actual) {
            if (actual.equals(expected)) {
                return;
            }
            boolean prefix = actual.size() >= expected.size()
                    && actual.subList(0, expected.size()).equals(expected);
            if (s.exact() || !prefix) {
                if (actual.size() > expected.size() && prefix) {
                    duplicated += actual.size() - expected.size();
                } else {
                    lost += Math.max(1, expected.size() - actual.size());
                }
                problem(what + " " + actual + ", expected " + expected);
            }
        }

        /** Each expected id exactly once; nothing else unless some write's outcome is unknown. */
        void ids(String what, java.util.Collection<String> expected, List<String> actual) {
            Set<String> seen = new LinkedHashSet<>();
            List<String> twice = actual.stream().filter(id -> !seen.add(id)).toList();
            List<String> missing =
                    expected.stream().filter(id -> !seen.contains(id)).toList();
            List<String> extra =
                    seen.stream().filter(id -> !expected.contains(id)).toList();
            if (!twice.isEmpty()) {
                duplicated += twice.size();
                problem(what + ": listed more than once " + twice);
            }
            if (!missing.isEmpty()) {
                lost += missing.size();
                problem(what + ": missing " + missing);
            }
            if (!extra.isEmpty() && s.exact()) {
                duplicated += extra.size();
                problem(what + ": not accepted, yet there " + extra);
            }
        }
    }
}
