package dev.tango.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** Resident set size of a process, from {@code /proc/<pid>/status} (Linux only; empty elsewhere). */
final class Rss {

    private Rss() {}

    static OptionalLong ofPid(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    // "VmRSS:	  358912 kB"
                    String kilobytes =
                            line.substring("VmRSS:".length()).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Process gone, or not Linux.
        }
        return OptionalLong.empty();
    }

    /** "350 MB", "1.4 GB". */
    static String format(long bytes) {
        double megabytes = bytes / (1024.0 * 1024.0);
        if (megabytes >= 1024) {
            return String.format(Locale.ROOT, "%.1f GB", megabytes / 1024);
        }
        return String.format(Locale.ROOT, "%d MB", Math.round(megabytes));
    }

    /** "1.4 GB RSS (kafka 350 MB, mongo 120 MB)". */
    static String summary(Map<String, Long> rssByName) {
        long total = rssByName.values().stream().mapToLong(Long::longValue).sum();
        return format(total) + " RSS ("
                + rssByName.entrySet().stream()
                        .map(entry -> entry.getKey() + " " + format(entry.getValue()))
                        .collect(Collectors.joining(", "))
                + ")";
    }
}
