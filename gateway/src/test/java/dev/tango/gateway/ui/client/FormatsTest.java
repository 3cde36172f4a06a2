package dev.tango.gateway.ui.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormatsTest {

    @ParameterizedTest
    @CsvSource({
        "01:02:03, 3723000",
        "1:02:03, 3723000",
        "00:00:00, 0",
        "12:34, 754000",
        "0:05, 5000",
        "75:00, 4500000",
        "' 07:01 ', 421000",
        "24:00:00, 86400000"
    })
    void readsHoursMinutesAndSecondsOrMinutesAndSeconds(String text, long millis) {
        assertThat(Formats.parseTimeCode(text)).hasValue(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1:2", "12:60", "1:60:00", "123:45:00", "1h", "-0:10", "12:34:56:78", "24:00:01"})
    void refusesWhatIsNotATimeCodeOrLongerThanADay(String text) {
        assertThat(Formats.parseTimeCode(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0, 0:00", "421000, 7:01", "421999, 7:01", "3599000, 59:59", "3723000, 1:02:03"})
    void writesTimeCodesAsMinutesUntilAnHour(long millis, String text) {
        assertThat(Formats.timeCode(millis)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"0, 00:00:00", "61000, 00:01:01", "3723000, 01:02:03"})
    void writesTheClockAsHoursMinutesSeconds(long millis, String text) {
        assertThat(Formats.clock(millis)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"OPENING, Opening", "MEANING_MAKING, Meaning making", "IN_PROGRESS, In progress"})
    void labelsConstantsForPeople(String constant, String label) {
        assertThat(Formats.label(constant)).isEqualTo(label);
    }
}
