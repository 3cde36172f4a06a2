package dev.tango.reliability.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Requests sent per endpoint and category, the answers' status classes, and every failure with its request. */
final class Tally {

    private final String title;
    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
    private final Map<String, Integer> statuses = new TreeMap<>();
    final List<String> failures = new ArrayList<>();
    int sent;
    int serverErrors;
    int accepted;

    Tally(String title) {
        this.title = title;
    }

    synchronized void count(String endpoint, String category, int status) {
        sent++;
        counts.computeIfAbsent(endpoint, key -> new TreeMap<>()).merge(category, 1, Integer::sum);
        statuses.merge(String.valueOf(status), 1, Integer::sum);
        if (status >= 500) {
            serverErrors++;
        }
        if (status < 300) {
            accepted++;
        }
    }

    synchronized void fail(String line) {
        failures.add(line);
    }

    Map<String, Map<String, Integer>> counts() {
        return counts;
    }

    /** The table: one line per endpoint with its count per category, then the status codes and the failures. */
    String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "%n== %s: %d requests, %d answered 5xx, %d accepted, %d failures%n",
                title, sent, serverErrors, accepted, failures.size()));
        counts.forEach((endpoint, categories) -> {
            int total = categories.values().stream().mapToInt(Integer::intValue).sum();
            out.append(String.format("  %-78s %5d  %s%n", endpoint, total, categories));
        });
        out.append("  status codes: ").append(statuses).append(System.lineSeparator());
        failures.stream()
                .limit(60)
                .forEach(line -> out.append("  FAIL ").append(line).append(System.lineSeparator()));
        if (failures.size() > 60) {
            out.append("  … and ")
                    .append(failures.size() - 60)
                    .append(" more failures")
                    .append(System.lineSeparator());
        }
        return out.toString();
    }
}
