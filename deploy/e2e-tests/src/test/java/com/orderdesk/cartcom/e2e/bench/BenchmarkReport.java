package com.orderdesk.cartcom.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The benchmarks' table: printed, and written to docs/benchmarks.md with the machine it ran on. */
final class BenchmarkReport {
    record Row(String benchmark, String measured, String reference, String target, boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String benchmark, String measured, String reference, String target, boolean met) {
        rows.add(new Row(benchmark, measured, reference, target, met));
        System.out.printf("[bench] %-60s %-28s %-40s %s%n", benchmark, measured, reference, met ? "met" : "NOT met");
    }

    String markdown(String settings) {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmarks\n\n");
        out.append("Written by `SystemBenchmark` (deploy/e2e-tests; command in [testing.md](testing.md)) on ")
                .append(Instant.now()).append(".\n\n");
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

    void write(Path file, String settings) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown(settings));
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
