package dev.tango.feedback.progress;

import dev.tango.events.Phase;
import dev.tango.feedback.comments.Comment;
import dev.tango.feedback.insight.Observation;
import dev.tango.feedback.insight.Scorecard;
import dev.tango.feedback.insight.SessionInsight;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A program's scorecards, observations and published comments as CSV (RFC 4180, header row, CRLF): one row per
 * scorecard (each mentor's latest revision), per observation (retracted ones too, flagged) and per published comment,
 * told apart by {@code row_type}. Columns that do not apply to a row are empty. Free text that a spreadsheet would
 * take for a formula is prefixed with an apostrophe.
 */
public final class CsvExport {

    public static final List<String> COLUMNS = List.of(
            "row_type",
            "session_id",
            "student_id",
            "mentor_id",
            "scheduled_for",
            "ended_at",
            "rubric_id",
            "rubric_version",
            "revision",
            "overall_score",
            "opening_score",
            "exploring_score",
            "meaning_making_score",
            "action_planning_score",
            "closing_score",
            "published_at",
            "item_id",
            "kind",
            "phase",
            "time_code_ms",
            "observation_id",
            "retracted",
            "recorded_at",
            "comment_id",
            "text");

    private CsvExport() {}

    /** The rows of the sessions given, oldest scheduled first, with each session's published comments. */
    public static String of(List<SessionInsight> sessions, Map<dev.tango.events.SessionId, List<Comment>> comments) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = CSVFormat.RFC4180
                .builder()
                .setHeader(COLUMNS.toArray(String[]::new))
                .get()
                .print(out)) {
            for (SessionInsight s : sessions) {
                for (Scorecard card : s.scorecards()) {
                    Row row = row("scorecard", s);
                    row.set("mentor_id", card.mentorId().value());
                    row.set("rubric_id", card.rubricId());
                    row.set("rubric_version", card.rubricVersion());
                    row.set("revision", card.revision());
                    row.set("overall_score", card.overallScore());
                    for (Phase phase : Phase.values()) {
                        card.phase(phase)
                                .ifPresent(p -> row.set(
                                        phase.name().toLowerCase() + "_score",
                                        p.score().toPlainString()));
                    }
                    row.set("published_at", card.publishedAt());
                    csv.printRecord(row.values());
                }
                for (Observation o : s.observations()) {
                    Row row = row("observation", s);
                    row.set("mentor_id", o.mentorId().value());
                    row.set("item_id", o.itemId());
                    row.set("kind", o.kind());
                    row.set("phase", o.phase());
                    row.set("time_code_ms", o.timeCodeMs());
                    row.set("observation_id", o.observationId());
                    row.set("retracted", o.retracted());
                    row.set("recorded_at", o.recordedAt());
                    row.set("text", inert(o.note()));
                    csv.printRecord(row.values());
                }
                for (Comment c : comments.getOrDefault(s.sessionId(), List.of())) {
                    Row row = row("comment", s);
                    row.set("mentor_id", c.mentorId().value());
                    row.set("item_id", c.content().itemId());
                    row.set("kind", c.content().kind());
                    row.set("phase", c.content().phase());
                    row.set("time_code_ms", c.content().timeCodeMs());
                    row.set("published_at", c.publishedAt());
                    row.set("comment_id", c.id().value());
                    row.set("text", inert(c.content().body()));
                    csv.printRecord(row.values());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Row row(String type, SessionInsight s) {
        Row row = new Row();
        row.set("row_type", type);
        row.set("session_id", s.sessionId().value());
        row.set("student_id", s.studentId() == null ? null : s.studentId().value());
        row.set("scheduled_for", s.scheduledFor());
        row.set("ended_at", s.endedAt());
        return row;
    }

    // Cells starting with = + - @ (or a tab or carriage return) run as formulas in spreadsheets.
    static String inert(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }

    private static final class Row {
        private final String[] cells = new String[COLUMNS.size()];

        void set(String column, Object value) {
            int index = COLUMNS.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("No column " + column);
            }
            cells[index] = value == null ? null : value instanceof Instant at ? at.toString() : value.toString();
        }

        List<String> values() {
            return new ArrayList<>(Arrays.asList(cells));
        }
    }
}
