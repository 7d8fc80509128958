package com.orderdesk.cartcom.e2e.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
    static final String SECTION_START = start("SystemBenchmark");
    static final String SECTION_END = end("SystemBenchmark");

    /** {@code judged} false: a figure shown beside the judged ones, with why it has no target of its own. */
    record Row(String benchmark, String measured, String reference, String target, boolean met, boolean judged) {
    }

    private final List<Row> rows = new ArrayList<>();
    /** The benchmark class that owns the section: each has a section of its own. */
    private final String owner;

    BenchmarkReport() {
        this("SystemBenchmark");
    }

    BenchmarkReport(String owner) {
        this.owner = owner;
    }

    static String start(String owner) {
        return "<!-- " + owner + ": start (written by the benchmark; edit outside) -->";
    }

    static String end(String owner) {
        return "<!-- " + owner + ": end -->";
    }

    void add(String benchmark, String measured, String reference, String target, boolean met) {
        rows.add(new Row(benchmark, measured, reference, target, met, true));
        System.out.printf("[bench] %-60s %-28s %-40s %s%n", benchmark, measured, reference, met ? "met" : "NOT met");
    }

    /** A figure shown, not judged; {@code why} takes the target's column. */
    void show(String benchmark, String measured, String reference, String why) {
        rows.add(new Row(benchmark, measured, reference, why, true, false));
        System.out.printf("[bench] %-60s %-28s %-40s %s%n", benchmark, measured, reference, "shown");
    }

    /** The rows whose target was missed, each as "benchmark: measured (target)". */
    List<String> missed() {
        return rows.stream().filter(row -> !row.met())
                .map(row -> row.benchmark() + ": " + row.measured() + " (target " + row.target() + ")").toList();
    }

    String markdown(String settings, String commit) {
        StringBuilder out = new StringBuilder();
        out.append("Written by `").append(owner).append("` at commit ").append(commit).append(" on ").append(Instant.now())
                .append(".\n\n");
        out.append("Machine: ").append(machine()).append("\n\n");
        out.append("Run: ").append(settings).append("\n\n");
        out.append("| benchmark | measured | beside | target | met |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.benchmark()).append(" | ").append(row.measured()).append(" | ")
                    .append(row.reference()).append(" | ").append(row.target()).append(" | ")
                    .append(!row.judged() ? "not judged" : row.met() ? "yes" : "**no**").append(" |\n");
        }
        return out.toString();
    }

    /** Replaces the section between the markers (appended at the end of the file if it has none). */
    void write(Path file, String settings, String commit) throws IOException {
        String sectionStart = start(owner);
        String sectionEnd = end(owner);
        String section = sectionStart + "\n" + markdown(settings, commit) + sectionEnd + "\n";
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n";
        int start = text.indexOf(sectionStart);
        int end = text.indexOf(sectionEnd);
        String updated = start >= 0 && end > start
                ? text.substring(0, start) + section + text.substring(end + sectionEnd.length()).replaceFirst("^\n", "")
                : text + (text.endsWith("\n") ? "\n" : "\n\n") + section;
        Files.writeString(file, updated);
        System.out.println("[bench] written to " + file);
    }

    /**
     * Ends a benchmark's run: prints the table, writes it into its section of {@code docs/benchmarks.md} when
     * {@code writeDocs}, and fails the run naming every target it missed.
     */
    void publish(Path repoRoot, String settings, boolean writeDocs) throws IOException {
        String commit = commit(repoRoot);
        System.out.println(markdown(settings, commit));
        if (writeDocs) {
            write(repoRoot.resolve("docs/benchmarks.md"), settings, commit);
        }
        assertTrue(missed().isEmpty(), "targets missed: " + missed());
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

    /** The commit measured, marked dirty when the work tree has changes: the figures belong to that code. */
    static String commit(Path repoRoot) {
        try {
            Process head = new ProcessBuilder("git", "-C", repoRoot.toString(), "describe", "--always", "--dirty")
                    .redirectErrorStream(true).start();
            String described = new String(head.getInputStream().readAllBytes()).trim();
            return head.waitFor() == 0 ? described : "unknown (" + described + ")";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** The value at {@code percent} of a sorted list (nearest rank), -1 for none. */
    static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
