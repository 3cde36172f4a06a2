package dev.tango.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.Speaker;
import dev.tango.session.TranscriptParser.LineError;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TranscriptParserTest {

    @Test
    void readsTheIcfStyleWithEachTurnEndingWhereTheNextStarts() {
        TranscriptParser.Result result = TranscriptParser.parse("""
                [00:00:05] Coach: How shall we do this work together today?
                [00:00:09] Client: I'd like to figure out how to say no.

                [00:01:23.500] Coach: What would make this conversation worth your time?
                """, Map.of());

        assertThat(result.errors()).isEmpty();
        assertThat(result.segments())
                .containsExactly(
                        new SegmentDraft(Speaker.COACH, "How shall we do this work together today?", 5_000, 9_000),
                        new SegmentDraft(Speaker.CLIENT, "I'd like to figure out how to say no.", 9_000, 83_500),
                        new SegmentDraft(
                                Speaker.COACH, "What would make this conversation worth your time?", 83_500, 83_500));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[00:01:23] Coach: Hello there",
                "[0:01:23] Coach: Hello there",
                "[01:23] Coach: Hello there",
                "[00:01:23] - Coach: Hello there",
                "00:01:23 Coach: Hello there",
                "00:01:23 - Coach: Hello there",
                "01:23 Coach : Hello there",
                "Coach (00:01:23): Hello there",
                "Coach [00:01:23]: Hello there",
                "coach (1:23): Hello there",
                "  [00:01:23]   COACH:   Hello there  ",
                "\uFEFF[00:01:23] Coach: Hello there"
            })
    void acceptsTheCommonVariations(String line) {
        TranscriptParser.Result result = TranscriptParser.parse(line, Map.of());

        assertThat(result.errors()).isEmpty();
        assertThat(result.segments()).containsExactly(new SegmentDraft(Speaker.COACH, "Hello there", 83_000, 83_000));
    }

    @Test
    void knowsStudentAndCoacheeAndMapsOtherNamesAsTold() {
        TranscriptParser.Result result =
                TranscriptParser.parse("""
                [00:00:01] Student coach: One
                [00:00:02] Coachee: Two
                [00:00:03] Marco: Three
                [00:00:04] ana  maria: Four
                """, Map.of("Marco", Speaker.COACH, "Ana Maria", Speaker.CLIENT));

        assertThat(result.errors()).isEmpty();
        assertThat(result.segments())
                .extracting(SegmentDraft::speaker)
                .containsExactly(Speaker.COACH, Speaker.CLIENT, Speaker.COACH, Speaker.CLIENT);
    }

    @Test
    void reportsEveryLineItCannotReadWithItsNumberAndKeepsTheOthers() {
        TranscriptParser.Result result = TranscriptParser.parse("""
                Transcript of the practice session
                [00:00:05] Coach: How shall we do this work together today?
                [00:00:09] Marco: I'd like to figure out how to say no.
                [00:75:00] Coach: What would make this worth your time?
                [00:00:20] Client:
                Coach: Where would you like to start?
                [00:00:30] Client: With my manager.
                [00:00:10] Coach: Earlier than the line above.
                """, Map.of());

        assertThat(result.errors()).extracting(LineError::line).containsExactly(1, 3, 4, 5, 6, 8);
        assertThat(result.errors().get(0).text()).isEqualTo("Transcript of the practice session");
        assertThat(result.errors().get(0).reason()).contains("expected a time code and a speaker");
        assertThat(result.errors().get(1).reason()).contains("unknown speaker \"Marco\"");
        assertThat(result.errors().get(2).reason()).contains("\"00:75:00\" is not a time code");
        assertThat(result.errors().get(3).reason()).contains("nothing is said");
        assertThat(result.errors().get(4).reason()).contains("expected a time code");
        assertThat(result.errors().get(5).reason()).contains("before the turn above");
        assertThat(result.segments())
                .extracting(SegmentDraft::text)
                .containsExactly("How shall we do this work together today?", "With my manager.");
    }

    @Test
    void refusesOverlongTurnsAndShowsOnlyTheStartOfTheirLine() {
        String line = "[00:00:05] Coach: " + "a".repeat(TranscriptLimits.CHARACTERS_PER_SEGMENT + 1);

        TranscriptParser.Result result = TranscriptParser.parse(line, Map.of());

        assertThat(result.segments()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.reason()).contains("longer than " + TranscriptLimits.CHARACTERS_PER_SEGMENT);
            assertThat(error.text()).hasSize(TranscriptLimits.LINE_SHOWN + 1).endsWith("…");
        });
    }

    @Test
    void readsWindowsAndOldMacLineEndsAndCountsLinesTheSame() {
        TranscriptParser.Result result =
                TranscriptParser.parse("[00:00:01] Coach: One\r\nnot a turn\r[00:00:03] Client: Three", Map.of());

        assertThat(result.segments()).hasSize(2);
        assertThat(result.errors()).extracting(LineError::line).containsExactly(2);
    }

    @Test
    void readsNothingFromAnEmptyFile() {
        assertThat(TranscriptParser.parse("\n  \n", Map.of()).segments()).isEmpty();
        assertThat(TranscriptParser.parse("\n  \n", Map.of()).errors()).isEmpty();
    }

    /** Whatever the turns and whichever accepted format each line is written in, they read back as written. */
    @Property(tries = 300)
    void readsBackTurnsWrittenInAnyAcceptedFormat(@ForAll("transcripts") List<Line> lines) {
        StringBuilder file = new StringBuilder();
        long at = 0;
        for (Line line : lines) {
            at += line.gapSeconds() * 1000L;
            file.append(line.format().write(at, line.speaker(), line.text())).append('\n');
        }

        TranscriptParser.Result result = TranscriptParser.parse(file.toString(), Map.of());

        assertThat(result.errors()).isEmpty();
        assertThat(result.segments())
                .extracting(SegmentDraft::text)
                .containsExactlyElementsOf(lines.stream().map(Line::text).toList());
        assertThat(result.segments())
                .extracting(SegmentDraft::speaker)
                .containsExactlyElementsOf(lines.stream().map(Line::speaker).toList());
        for (int i = 0; i + 1 < result.segments().size(); i++) {
            assertThat(result.segments().get(i).endMs())
                    .isEqualTo(result.segments().get(i + 1).startMs());
        }
    }

    @Provide
    Arbitrary<List<Line>> transcripts() {
        Arbitrary<String> text = Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyz ?!,.:'()[]0123456789")
                .ofMinLength(1)
                .ofMaxLength(80)
                .filter(s -> !s.isBlank());
        return Combinators.combine(
                        Arbitraries.of(Format.class),
                        Arbitraries.of(Speaker.class),
                        text.map(String::strip),
                        Arbitraries.integers().between(0, 400))
                .as(Line::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(30);
    }

    record Line(Format format, Speaker speaker, String text, int gapSeconds) {}

    enum Format {
        BRACKETS,
        PLAIN,
        AFTER_NAME;

        String write(long ms, Speaker speaker, String text) {
            long s = ms / 1000;
            String time = String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
            String name = speaker == Speaker.COACH ? "Coach" : "Client";
            return switch (this) {
                case BRACKETS -> "[" + time + "] " + name + ": " + text;
                case PLAIN -> time + " " + name + ": " + text;
                case AFTER_NAME -> name + " (" + time + "): " + text;
            };
        }
    }
}
