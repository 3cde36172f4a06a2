package dev.tango.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the figures were measured on. */
final class Machine {

    private Machine() {}

    static List<String> describe() {
        return List.of(
                "cores (nproc): " + Runtime.getRuntime().availableProcessors(),
                "CPU: " + firstValue(Path.of("/proc/cpuinfo"), "model name"),
                "RAM: " + memTotal(),
                "java -version: " + javaVersion(),
                "OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                "load average at start (1/5/15 min): " + ProcessStats.loadAverage());
    }

    private static String memTotal() {
        String kb = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        try {
            return String.format(Locale.ROOT, "%.1f GB", Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return kb;
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown";
    }

    /** The first lines of {@code java -version} of the JVM the stack's children run on (this one's). */
    private static String javaVersion() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            Process process = new ProcessBuilder(java.toString(), "-version")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return String.join(" | ", out.strip().lines().toList());
        } catch (IOException e) {
            return System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return System.getProperty("java.version");
        }
    }
}
