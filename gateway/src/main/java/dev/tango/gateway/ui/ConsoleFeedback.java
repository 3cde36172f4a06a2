package dev.tango.gateway.ui;

import java.util.Map;

/**
 * What the console says about the last change: a notice when it was made, an alert when it was not (with the fields
 * it concerns), and the values typed into the form, shown again so that nothing typed is lost.
 */
record ConsoleFeedback(String notice, PageAlert alert, Map<String, String> errors, Map<String, String> entered) {

    static ConsoleFeedback none() {
        return new ConsoleFeedback(null, null, Map.of(), Map.of());
    }

    ConsoleFeedback notice(String text) {
        return new ConsoleFeedback(text, alert, errors, entered);
    }

    ConsoleFeedback alert(PageAlert problem) {
        return new ConsoleFeedback(notice, problem, errors, entered);
    }

    ConsoleFeedback errors(Map<String, String> fields) {
        return new ConsoleFeedback(notice, alert, Map.copyOf(fields), entered);
    }

    ConsoleFeedback entered(Map<String, String> values) {
        return new ConsoleFeedback(notice, alert, errors, Map.copyOf(values));
    }
}
