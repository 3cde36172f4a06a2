package dev.tango.gateway.ui;

import dev.tango.gateway.ui.client.Formats;
import dev.tango.gateway.ui.client.ServiceProblem;
import dev.tango.gateway.ui.client.SessionDetail;
import dev.tango.gateway.ui.client.SessionLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Says in plain words why session-service refused a change, next to the session as it is now. */
final class ConsoleAlerts {

    /** The service did not answer (down, 5xx, timeout): the change may or may not have been made. */
    static final PageAlert UNKNOWN = PageAlert.of(
            "The session-service did not answer, so it is not known whether this change was made.",
            "The console shows the session as it is now (if it could be read): check it before you try again.");

    private static final Map<String, String> FIELDS = Map.of(
            "offsetMs", "Time code",
            "phase", "Phase",
            "reason", "Reason",
            "text", "Transcript",
            "speakers", "Names in the file",
            "skipInvalidLines", "Skip lines that cannot be read");

    private ConsoleAlerts() {}

    static PageAlert refused(ServiceProblem problem, SessionLookup now) {
        SessionDetail session = now.state() == SessionLookup.State.FOUND ? now.session() : null;
        String shown = session == null
                ? "The session could not be read again."
                : "The console shows the session as it is now.";
        if (problem.moveNotAllowed()) {
            if (session == null || !session.inProgress()) {
                return PageAlert.of("That move is not allowed: the session is not in progress.", shown);
            }
            return PageAlert.of(
                    "That move is not allowed now: the session is in " + Formats.label(session.currentPhase())
                            + ", from where it can move to " + labels(session.allowedMoves()) + ".",
                    "It may have been moved in another window. " + shown + " Its buttons are the moves allowed now.");
        }
        if (problem.status() == 409 && "idempotency-key-in-progress".equals(problem.type())) {
            return PageAlert.of("This change was sent twice; the first one is still being made.", shown);
        }
        if (problem.concurrentChange()) {
            return PageAlert.of(
                    "Someone changed this session at the same moment, so your change was not made.",
                    shown + " Try again if your change is still needed.");
        }
        if (problem.status() == 409) {
            String state = session == null ? "" : " The session is " + Formats.label(session.status()) + ".";
            return new PageAlert("This cannot be done now." + state, details(problem.detail(), shown));
        }
        if (problem.status() == 403) {
            return new PageAlert(
                    "You may see this session, but not make this change.",
                    details(problem.detail(), "Ask one of its mentors or a program admin."));
        }
        if (problem.status() == 400 || problem.status() == 422) {
            List<String> details = new ArrayList<>();
            problem.errors().forEach(error -> details.add(fieldLabel(error.field()) + ": " + error.message()));
            if (details.isEmpty() && problem.detail() != null) {
                details.add(problem.detail());
            }
            return new PageAlert("The change was not accepted, and nothing was changed.", details);
        }
        return new PageAlert(
                problem.title() == null ? "The change was not accepted." : problem.title() + ".",
                details(problem.detail(), shown));
    }

    /**
     * The time code field's error for a 400 about {@code offsetMs}: when the time code lies before the last move's,
     * says which time code it may not go below, in time codes; otherwise the service's words.
     */
    static String timeCodeMessage(ServiceProblem.FieldError error, SessionLookup now, String entered) {
        OptionalLong typed = Formats.parseTimeCode(entered);
        if (now.state() == SessionLookup.State.FOUND && typed.isPresent()) {
            long last = now.session().phases().stream()
                    .map(SessionDetail.PhaseEntry::offsetMs)
                    .filter(offset -> offset != null)
                    .reduce(Long::max)
                    .orElse(0L);
            if (typed.getAsLong() < last) {
                return "The time code must not be before " + Formats.timeCode(last)
                        + ", the time code of the last move.";
            }
        }
        return "Time code: " + error.message();
    }

    /** How the page names a field of a request, e.g. {@code offsetMs} is the time code. */
    static String fieldLabel(String field) {
        return FIELDS.getOrDefault(field, field);
    }

    private static String labels(List<String> phases) {
        if (phases.isEmpty()) {
            return "no other phase";
        }
        List<String> labels = phases.stream().map(Formats::label).toList();
        return labels.size() == 1
                ? labels.get(0)
                : String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
    }

    private static List<String> details(String detail, String more) {
        return detail == null || detail.isBlank() ? List.of(more) : List.of(detail, more);
    }
}
