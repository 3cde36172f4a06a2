package dev.tango.gateway.ui;

import dev.tango.gateway.ui.client.TranscriptUpload;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * The transcript import form as typed: the file's text, whether to skip lines that cannot be read, and the names the
 * file uses for the coach and for the client (comma-separated; Coach and Client are understood without them).
 */
record TranscriptForm(String text, boolean skipInvalidLines, String coachNames, String clientNames) {

    /** Well below the gateway's 256 KB bound on form data, which URL encoding reaches sooner (tango.js says the same). */
    static final int MAX_TEXT = 150_000;

    static TranscriptForm blank() {
        return new TranscriptForm("", false, "", "");
    }

    static TranscriptForm from(MultiValueMap<String, String> form) {
        return new TranscriptForm(
                value(form, "text"),
                form.containsKey("skipInvalidLines"),
                value(form, "coachNames").strip(),
                value(form, "clientNames").strip());
    }

    /** What stops the gateway from sending the file, by field. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (text.isBlank()) {
            errors.put("text", "Paste the transcript here, or choose a file to read it in.");
        } else if (text.length() > MAX_TEXT) {
            errors.put("text", "The transcript is too long to send in one go (at most " + MAX_TEXT + " characters).");
        }
        List<String> both =
                names(coachNames).stream().filter(names(clientNames)::contains).toList();
        if (!both.isEmpty()) {
            errors.put(
                    "speakers",
                    "\"" + both.get(0) + "\" cannot be both the coach and the client: name each speaker once.");
        }
        return errors;
    }

    TranscriptUpload upload() {
        Map<String, String> speakers = new LinkedHashMap<>();
        names(coachNames).forEach(name -> speakers.put(name, "COACH"));
        names(clientNames).forEach(name -> speakers.put(name, "CLIENT"));
        return new TranscriptUpload(text, skipInvalidLines, speakers);
    }

    private static List<String> names(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }
}
