package dev.tango.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The printed report (Markdown), plus the key figures by name for the smoke test to check. */
final class Report {

    private final List<String> lines = new ArrayList<>();
    private final Map<String, Double> figures = new LinkedHashMap<>();
    private final Consumer<String> out;

    Report(Consumer<String> out) {
        this.out = out;
    }

    void section(String title) {
        add("");
        add("## " + title);
    }

    void add(String line) {
        lines.add(line);
        out.accept(line);
    }

    void bullet(String line) {
        add("- " + line);
    }

    void figure(String name, double value) {
        figures.put(name, value);
    }

    Map<String, Double> figures() {
        return Map.copyOf(figures);
    }

    String text() {
        return String.join("\n", lines) + "\n";
    }
}
