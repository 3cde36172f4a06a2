package dev.tango.gateway.ui;

import dev.tango.gateway.ui.client.Formats;
import dev.tango.gateway.ui.client.MyScorecard;
import dev.tango.gateway.ui.client.Observation;
import dev.tango.gateway.ui.client.RubricVersion;
import dev.tango.gateway.ui.client.Scorecard;
import dev.tango.gateway.ui.client.SessionDetail;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scoring part of the session page, as one person sees it at one moment.
 *
 * <p>For an assigned mentor: the markers of the phase the session is in (or ended in), or of the phase they chose
 * ({@code ?markers=PHASE}, to record observations of any phase afterwards), as buttons, each with a letter
 * key ({@link #MARKER_KEYS}), the rubric's anti-signals (all of them, with their counts; keys {@link #ANTI_SIGNAL_KEYS}),
 * the note and time code that go with the next observation, their observations newest first, the draft scorecard as
 * it builds up, and the publish step (a preview of exactly what the student would see, then publish). For the
 * session's student: the published scorecards, never a draft. Nobody else gets a panel ({@link #none()}).
 */
record ScoringPanel(
        Audience audience,
        State state,
        String message,
        SessionDetail session,
        String rubricName,
        String phase,
        String chosen,
        List<PhaseChoice> phaseChoices,
        List<Item> markers,
        List<Item> antiSignals,
        List<Row> observations,
        Card draft,
        Card lastPublished,
        boolean unpublishedChanges,
        Card preview,
        List<Card> published,
        String timeCode,
        ConsoleFeedback feedback) {

    /** Marker keys, in the order of the phase's markers; home row, clear of the phase moves' 1 to 5. */
    static final String MARKER_KEYS = "asdfghjkl";

    /** Anti-signal keys, in the order of the rubric's anti-signals; the row above. */
    static final String ANTI_SIGNAL_KEYS = "qwertyuiop";

    private static final java.util.regex.Pattern ITEM_REF = java.util.regex.Pattern.compile("\\{item:([^}]*)}");

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    enum Audience {
        NONE,
        MENTOR,
        STUDENT
    }

    /** READY, or why there is nothing to show yet: scoring-service has not heard of the session, or is not there. */
    enum State {
        READY,
        CATCHING_UP,
        UNAVAILABLE,
        REFUSED
    }

    static ScoringPanel none() {
        return new ScoringPanel(
                Audience.NONE,
                State.READY,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                false,
                null,
                List.of(),
                "",
                ConsoleFeedback.none());
    }

    static ScoringPanel notReady(
            Audience audience, State state, String message, SessionDetail session, ConsoleFeedback feedback) {
        return new ScoringPanel(
                audience,
                state,
                message,
                session,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                false,
                null,
                List.of(),
                "",
                named(feedback, Labels.of((RubricVersion.Content) null)));
    }

    /** A mentor's panel from the session's rubric and their own scorecard (and its preview, when asked for). */
    static ScoringPanel mentor(
            SessionDetail session,
            RubricVersion.Content rubric,
            MyScorecard mine,
            Scorecard preview,
            String requested,
            ConsoleFeedback feedback) {
        Labels labels = Labels.of(rubric);
        feedback = named(feedback, labels);
        // The phase chosen with ?markers=PHASE, when it is one of the rubric's; else the one the session is in.
        String chosen = rubric.phases().stream()
                .map(RubricVersion.Phase::phase)
                .filter(p -> p.equals(requested))
                .findFirst()
                .orElse(null);
        String phase = chosen != null ? chosen : phaseOf(session);
        List<PhaseChoice> choices = rubric.phases().stream()
                .map(p -> new PhaseChoice(
                        p.phase(), Formats.label(p.phase()), p.phase().equals(phase)))
                .toList();
        Map<String, Integer> counts = new HashMap<>();
        mine.observations().stream()
                .filter(observation -> !observation.retracted())
                .forEach(observation -> counts.merge(observation.itemId(), 1, Integer::sum));
        List<Item> markers = new ArrayList<>();
        rubric.phases().stream()
                .filter(p -> p.phase().equals(phase))
                .findFirst()
                .ifPresent(p -> {
                    for (int i = 0; i < p.markers().size(); i++) {
                        RubricVersion.Marker marker = p.markers().get(i);
                        markers.add(new Item(
                                "MARKER",
                                marker.id(),
                                marker.label(),
                                tooltip(marker.description(), marker.exampleQuestions()),
                                key(MARKER_KEYS, i),
                                counts.getOrDefault(marker.id(), 0)));
                    }
                });
        List<Item> antiSignals = new ArrayList<>();
        for (int i = 0; i < rubric.antiSignals().size(); i++) {
            RubricVersion.AntiSignal anti = rubric.antiSignals().get(i);
            antiSignals.add(new Item(
                    "ANTI_SIGNAL",
                    anti.id(),
                    anti.label(),
                    anti.description() == null ? "" : anti.description(),
                    key(ANTI_SIGNAL_KEYS, i),
                    counts.getOrDefault(anti.id(), 0)));
        }
        List<Row> rows = mine.observations().stream()
                .sorted(Comparator.comparing(Observation::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .map(observation -> Row.of(observation, labels))
                .toList();
        String timeCode = feedback.entered().getOrDefault("timecode", session.review() ? lastOffset(session) : "");
        return new ScoringPanel(
                Audience.MENTOR,
                State.READY,
                null,
                session,
                rubric.name(),
                phase,
                chosen,
                choices,
                List.copyOf(markers),
                List.copyOf(antiSignals),
                rows,
                Card.of(mine.draft(), labels),
                mine.lastPublished() == null ? null : Card.of(mine.lastPublished(), labels),
                mine.unpublishedChanges(),
                preview == null ? null : Card.of(preview, labels),
                List.of(),
                timeCode,
                feedback);
    }

    /** A student's panel: the published scorecards of their session (labels from the rubric, when it could be read). */
    static ScoringPanel student(SessionDetail session, RubricVersion.Content rubric, List<Scorecard> published) {
        Labels labels = Labels.of(rubric);
        return new ScoringPanel(
                Audience.STUDENT,
                State.READY,
                null,
                session,
                rubric == null ? null : rubric.name(),
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                false,
                null,
                published.stream().map(card -> Card.of(card, labels)).toList(),
                "",
                ConsoleFeedback.none());
    }

    public boolean visible() {
        return audience != Audience.NONE;
    }

    public boolean forMentor() {
        return audience == Audience.MENTOR;
    }

    public boolean forStudent() {
        return audience == Audience.STUDENT;
    }

    public boolean ready() {
        return state == State.READY;
    }

    public boolean catchingUp() {
        return state == State.CATCHING_UP;
    }

    /** Observations can be recorded once the session has started, during it and after it ended. */
    public boolean mayRecord() {
        return session != null && (session.inProgress() || session.ended());
    }

    /** scoring-service publishes once the session has ended. */
    public boolean mayPublish() {
        return session != null && session.ended();
    }

    /** Whether the mentor chose which phase's markers to see ({@code ?markers=PHASE}); then they stay on it. */
    public boolean phaseChosen() {
        return chosen != null;
    }

    public String phaseLabel() {
        return Formats.label(phase);
    }

    public boolean hasShortcuts() {
        return markers.stream().anyMatch(item -> item.key() != null)
                || antiSignals.stream().anyMatch(item -> item.key() != null);
    }

    public String notice() {
        return feedback.notice();
    }

    public PageAlert alert() {
        return feedback.alert();
    }

    public Map<String, String> errors() {
        return feedback.errors();
    }

    public String note() {
        return feedback.entered().getOrDefault("note", "");
    }

    private static ConsoleFeedback named(ConsoleFeedback feedback, Labels labels) {
        return feedback.notice() == null
                ? feedback
                : feedback.notice(ITEM_REF.matcher(feedback.notice())
                        .replaceAll(match -> java.util.regex.Matcher.quoteReplacement(
                                "\u201c" + labels.label(match.group(1)) + "\u201d")));
    }

    /** How a notice names a marker or anti-signal by id; the panel puts the rubric's label in its place. */
    static String itemRef(String itemId) {
        return "{item:" + itemId + "}";
    }

    /** The phase the next marker belongs to: the one the session is in, or the last one it was in. */
    static String phaseOf(SessionDetail session) {
        if (session.currentPhase() != null) {
            return session.currentPhase();
        }
        return session.phases().isEmpty()
                ? null
                : session.phases().get(session.phases().size() - 1).phase();
    }

    /** A REVIEW's time code field starts at the last phase move's offset into the recording. */
    private static String lastOffset(SessionDetail session) {
        return Formats.timeCode(session.phases().stream()
                .map(SessionDetail.PhaseEntry::offsetMs)
                .filter(offset -> offset != null)
                .reduce(Long::max)
                .orElse(0L));
    }

    private static String key(String keys, int index) {
        return index < keys.length() ? String.valueOf(keys.charAt(index)) : null;
    }

    private static String tooltip(String description, List<String> questions) {
        StringBuilder text = new StringBuilder(description == null ? "" : description);
        if (!questions.isEmpty()) {
            text.append(text.isEmpty() ? "" : " ").append("E.g. ").append(String.join(" ", questions));
        }
        return text.toString();
    }

    private static String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    /** One of the rubric's phases in the chooser; {@code shown} when its markers are the ones shown. */
    record PhaseChoice(String phase, String label, boolean shown) {}

    /** A marker or anti-signal button: {@code count} is how often it is recorded now (retracted ones do not count). */
    record Item(String kind, String id, String label, String description, String key, int count) {

        /** What the button sends: the kind and the id, e.g. {@code MARKER:opening.work-together}. */
        public String value() {
            return kind + ":" + id;
        }

        public boolean observed() {
            return count > 0;
        }
    }

    /** One observation in the list, newest first. */
    record Row(
            String id,
            boolean marker,
            String label,
            String phaseLabel,
            String timeCode,
            String note,
            boolean retracted,
            String retractReason,
            String recordedAt) {

        static Row of(Observation observation, Labels labels) {
            return new Row(
                    observation.id(),
                    observation.marker(),
                    labels.label(observation.itemId()),
                    Formats.label(observation.phase()),
                    Formats.timeCode(observation.timeCodeMs()),
                    observation.note(),
                    observation.retracted(),
                    observation.retractReason(),
                    minute(observation.recordedAt()));
        }
    }

    /** A scorecard with the rubric's words in place of ids, as the panel shows it. */
    record Card(
            String mentorId,
            int overall,
            String explanation,
            List<PhaseLine> phases,
            List<String> skipped,
            Integer revision,
            boolean revised,
            String publishedAt) {

        static Card of(Scorecard card, Labels labels) {
            return new Card(
                    card.mentorId(),
                    card.overall(),
                    card.explanation(),
                    card.phases().stream().map(p -> PhaseLine.of(p, labels)).toList(),
                    card.skippedPhases().stream().map(Formats::label).toList(),
                    card.revision(),
                    Boolean.TRUE.equals(card.revised()),
                    minute(card.publishedAt()));
        }
    }

    /** One phase of a scorecard: what was observed and missed, the anti-signals counted, and the score. */
    record PhaseLine(
            String phase,
            String label,
            boolean entered,
            int required,
            List<String> observed,
            List<String> missed,
            List<String> antiSignals,
            String score,
            String explanation) {

        static PhaseLine of(Scorecard.PhaseResult phase, Labels labels) {
            return new PhaseLine(
                    phase.phase(),
                    Formats.label(phase.phase()),
                    phase.entered(),
                    phase.requiredMarkers(),
                    phase.observedMarkers().stream().map(labels::label).toList(),
                    phase.missedMarkers().stream().map(labels::label).toList(),
                    new java.util.TreeMap<>(phase.antiSignals())
                            .entrySet().stream()
                                    .map(entry -> labels.label(entry.getKey()) + " × " + entry.getValue())
                                    .toList(),
                    plain(phase.score()),
                    phase.explanation());
        }

        private static String plain(BigDecimal number) {
            return number == null ? "0" : number.stripTrailingZeros().toPlainString();
        }
    }

    /** The rubric's labels of its markers and anti-signals, by id; an id it does not know stands for itself. */
    record Labels(Map<String, String> byId) {

        static Labels of(RubricVersion.Content rubric) {
            Map<String, String> labels = new LinkedHashMap<>();
            if (rubric != null) {
                rubric.phases().forEach(p -> p.markers().forEach(m -> labels.put(m.id(), m.label())));
                rubric.antiSignals().forEach(a -> labels.put(a.id(), a.label()));
            }
            return new Labels(labels);
        }

        String label(String id) {
            return byId.getOrDefault(id, id);
        }
    }
}
