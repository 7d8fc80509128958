package com.orderdesk.cartcom.importer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time used so far by the importer's JVM and by the devstack's PostgreSQL and Kafka (child processes of the
 * benchmark's JVM): on a shared 2-core machine a rate depends on what else runs, the CPU an order costs much less.
 */
record CpuUse(long javaNanos, long postgresNanos, long kafkaNanos) {

    static CpuUse now(ProcessHandle importer) {
        long postgres = 0;
        long kafka = 0;
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            if (child.info().command().orElse("").endsWith("/postgres")) {
                postgres += cpuNanos(child);
            } else if (arguments(child).contains("\0kafka.Kafka\0")) {
                kafka += cpuNanos(child);
            }
        }
        return new CpuUse(cpuNanos(importer), postgres, kafka);
    }

    CpuUse minus(CpuUse earlier) {
        return new CpuUse(javaNanos - earlier.javaNanos, postgresNanos - earlier.postgresNanos,
                kafkaNanos - earlier.kafkaNanos);
    }

    /** Milliseconds per order: Java, PostgreSQL, Kafka, as table cells. */
    String perOrder(int orders) {
        double scale = 1e-6 / orders;
        return String.format("%.2f | %.2f | %.2f", javaNanos * scale, postgresNanos * scale, kafkaNanos * scale);
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** The full command line ({@code ProcessHandle.Info} may cut a long one), arguments separated by NUL. */
    private static String arguments(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + process.pid() + "/cmdline")));
        } catch (IOException e) {
            return "";
        }
    }
}
