package com.orderdesk.cartcom.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmarks' table: printed, and written into the section of docs/benchmarks.md that this class owns (between
 * its two marker lines), with the commit and the machine it ran on. The prose around the section is never touched.
 */
final class BenchmarkReport {
    static final String SECTION_START = "<!-- SystemBenchmark: start (written by the benchmark; edit outside) -->";
    static final String SECTION_END = "<!-- SystemBenchmark: end -->";

    record Row(String benchmark, String measured, String reference, String target, boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String benchmark, String measured, String reference, String target, boolean met) {
        rows.add(new Row(benchmark, measured, reference, target, met));
        System.out.printf("[bench] %-60s %-28s %-40s %s%n", benchmark, measured, reference, met ? "met" : "NOT met");
    }

    /** The rows whose target was missed, each as "benchmark: measured (target)". */
    List<String> missed() {
        return rows.stream().filter(row -> !row.met())
                .map(row -> row.benchmark() + ": " + row.measured() + " (target " + row.target() + ")").toList();
    }

    String markdown(String settings, String commit) {
        StringBuilder out = new StringBuilder();
        out.append("Written by `SystemBenchmark` at commit ").append(commit).append(" on ").append(Instant.now())
                .append(".\n\n");
        out.append("Machine: ").append(machine()).append("\n\n");
        out.append("Run: ").append(settings).append("\n\n");
        out.append("| benchmark | measured | beside | target | met |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.benchmark()).append(" | ").append(row.measured()).append(" | ")
                    .append(row.reference()).append(" | ").append(row.target()).append(" | ")
                    .append(row.met() ? "yes" : "**no**").append(" |\n");
        }
        return out.toString();
    }

    /** Replaces the section between the markers (appended at the end of the file if it has none). */
    void write(Path file, String settings, String commit) throws IOException {
        String section = SECTION_START + "\n" + markdown(settings, commit) + SECTION_END + "\n";
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n";
        int start = text.indexOf(SECTION_START);
        int end = text.indexOf(SECTION_END);
        String updated = start >= 0 && end > start
                ? text.substring(0, start) + section + text.substring(end + SECTION_END.length()).replaceFirst("^\n", "")
                : text + (text.endsWith("\n") ? "\n" : "\n\n") + section;
        Files.writeString(file, updated);
        System.out.println("[bench] written to " + file);
    }

    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + runtime.availableProcessors() + " cores, " + (totalMemoryKb() / 1024 / 1024) + " GiB memory, Java "
                + System.getProperty("java.version");
    }

    private static long totalMemoryKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: the memory figure is left out
        }
        return 0;
    }
}
