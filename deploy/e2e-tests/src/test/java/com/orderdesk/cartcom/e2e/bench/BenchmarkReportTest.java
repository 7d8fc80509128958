package com.orderdesk.cartcom.e2e.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's file: its own section is replaced run after run, the prose around it stays as written. */
class BenchmarkReportTest {

    @Test
    void aRunReplacesOnlyItsOwnSectionAndNamesWhatItMissed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("benchmarks.md");
        Files.writeString(file, "# Benchmarks\n\nIntro by hand.\n");
        BenchmarkReport first = new BenchmarkReport();
        first.add("1. calls per order", "1.040", "floor 1.030", "<= 1.05", true);
        first.write(file, "first run", "abc1234");
        Files.writeString(file, Files.readString(file) + "\n## Reading\n\nWritten by hand after the run.\n");

        BenchmarkReport second = new BenchmarkReport();
        second.add("1. calls per order", "1.060", "floor 1.030", "<= 1.05", false);
        second.write(file, "second run", "def5678");

        String text = Files.readString(file);
        assertTrue(text.startsWith("# Benchmarks\n\nIntro by hand.\n"), text);
        assertTrue(text.endsWith("## Reading\n\nWritten by hand after the run.\n"), text);
        assertTrue(text.contains("at commit def5678") && text.contains("| 1.060 |"), text);
        assertFalse(text.contains("abc1234") || text.contains("first run"), "the first run's table is replaced: " + text);
        assertEquals(List.of("1. calls per order: 1.060 (target <= 1.05)"), second.missed());
        assertEquals(List.of(), first.missed());
    }
}
