package dev.tango.gateway.ui;

import dev.tango.gateway.ui.client.ServiceProblem;
import java.util.List;
import java.util.Map;

/**
 * What the transcript section says about the last import: how many segments were imported and which lines were
 * skipped, or why nothing was, with the lines that could not be read; the form as it was sent, to correct it.
 */
record ImportFeedback(
        TranscriptForm form,
        String notice,
        PageAlert alert,
        Map<String, String> errors,
        List<ServiceProblem.LineError> lineErrors,
        List<ServiceProblem.LineError> skippedLines) {

    ImportFeedback {
        errors = Map.copyOf(errors);
        lineErrors = List.copyOf(lineErrors);
        skippedLines = List.copyOf(skippedLines);
    }

    static ImportFeedback none() {
        return new ImportFeedback(TranscriptForm.blank(), null, null, Map.of(), List.of(), List.of());
    }

    static ImportFeedback imported(int count, List<ServiceProblem.LineError> skipped) {
        String notice = "Imported " + count + (count == 1 ? " segment" : " segments")
                + (skipped.isEmpty()
                        ? "."
                        : "; skipped " + skipped.size() + (skipped.size() == 1 ? " line" : " lines")
                                + " that could not be read.");
        return new ImportFeedback(TranscriptForm.blank(), notice, null, Map.of(), List.of(), skipped);
    }

    static ImportFeedback refused(
            TranscriptForm form,
            PageAlert alert,
            Map<String, String> errors,
            List<ServiceProblem.LineError> lineErrors) {
        return new ImportFeedback(form, null, alert, errors, lineErrors, List.of());
    }

    public boolean hasLineErrors() {
        return !lineErrors.isEmpty();
    }
}
