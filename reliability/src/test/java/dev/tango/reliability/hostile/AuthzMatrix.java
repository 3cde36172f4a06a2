package dev.tango.reliability.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may use an endpoint aimed at the scene's resources (student-ana's session with mentor-marco, the program
 * pcc-2026's rubric and metrics, admin-ada's users and tokens): everybody else must be denied. Personal tokens act as
 * their user; client tokens are nobody's student or mentor. The platform admin (of no program) manages every
 * program's users and tokens, but to the services is an admin of no program: denied the program's data.
 */
final class AuthzMatrix {

    /** Callers by label, and the person (or kind of client) each acts as. */
    static final Map<String, String> FULL = new LinkedHashMap<>();

    static {
        FULL.put("student-ana", "owner student");
        FULL.put("pat-student-ana", "owner student");
        FULL.put("mentor-marco", "assigned mentor");
        FULL.put("pat-mentor-marco", "assigned mentor");
        FULL.put("student-ben", "other student");
        FULL.put("pat-student-ben", "other student");
        FULL.put("me-token-student-ben", "other student");
        FULL.put("mentor-mia", "mentor not assigned");
        FULL.put("pat-mentor-mia", "mentor not assigned");
        FULL.put("me-token-mentor-mia", "mentor not assigned");
        FULL.put("admin-olga", "admin of another program");
        FULL.put("token-admin-other", "admin of another program");
        FULL.put("platform-admin-pia", "platform admin");
        FULL.put("token-student", "client token");
        FULL.put("token-mentor", "client token");
        FULL.put("anonymous", "nobody");
    }

    /** The smoke subset: one caller of each kind. */
    static final List<String> SMOKE = List.of(
            "student-ana",
            "mentor-marco",
            "pat-student-ben",
            "me-token-mentor-mia",
            "admin-olga",
            "token-mentor",
            "anonymous");

    /** Endpoints about the caller's own things only, where no other user's resource is at stake. */
    static final Set<String> OWN_ONLY =
            Set.of("GET /api/me", "GET /.well-known/jwks.json", "GET /api/me/tokens", "POST /api/me/tokens");

    private AuthzMatrix() {}

    /** Whether {@code actsAs} may legitimately use the endpoint on the scene's resources (then it is not tested). */
    static boolean entitled(ApiDocs.Endpoint endpoint, String actsAs) {
        String path = endpoint.path();
        boolean read = endpoint.method().equals("GET");
        boolean owner = actsAs.equals("owner student");
        boolean mentor = actsAs.equals("assigned mentor");
        boolean member = owner
                || mentor
                || actsAs.equals("other student")
                || actsAs.equals("mentor not assigned")
                || actsAs.equals("client token");
        boolean platformAdmin = actsAs.equals("platform admin");
        if (path.startsWith("/api/users") || path.startsWith("/api/tokens")) {
            // Users and tokens of every program are the platform admin's; a program's admin manages only its own,
            // so the admin of another program is denied (404 for pcc-2026's user and token, 403 for issuing).
            return platformAdmin;
        }
        if (path.startsWith("/api/me/tokens")) {
            return false;
        }
        if (path.startsWith("/api/sessions")) {
            // The student runs their own session (start, phase moves, end) but neither cancels it nor edits its
            // transcript (SessionAccess).
            boolean runs = path.endsWith("/start") || path.endsWith("/phase") || path.endsWith("/end");
            return owner && (read || runs) || mentor;
        }
        if (path.startsWith("/api/scoring/sessions/")) {
            return mentor || owner && read;
        }
        if (path.startsWith("/api/scoring/rubrics") || path.startsWith("/api/scoring/programs/")) {
            return read && member;
        }
        if (path.startsWith("/api/feedback/programs/")) {
            return false;
        }
        if (path.startsWith("/api/feedback/admin/")) {
            // A rebuild of every projection is the platform's, not a program's: the platform admin only.
            return platformAdmin;
        }
        if (path.endsWith("/replies")) {
            return owner || mentor;
        }
        if (path.endsWith("/self-assessment")) {
            return owner || mentor && read;
        }
        if (path.contains("/comments")) {
            return mentor || owner && read;
        }
        if (path.startsWith("/api/feedback/")) {
            return (owner || mentor) && read;
        }
        return false;
    }
}
