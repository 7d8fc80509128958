package com.orderdesk.cartcom.importer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** A process's resident memory, sampled while the benchmark runs, and the kernel's high-water mark. */
final class PeakMemory {
    private final long pid;
    private final AtomicLong peakKb = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long highWaterMarkKb;

    private PeakMemory(long pid) {
        this.pid = pid;
        this.sampler = new Thread(this::sample, "bench-rss-sampler");
        this.sampler.setDaemon(true);
    }

    static PeakMemory watch(long pid) {
        PeakMemory memory = new PeakMemory(pid);
        memory.sampler.start();
        return memory;
    }

    void stop() throws InterruptedException {
        highWaterMarkKb = statusKb("VmHWM:");
        running = false;
        sampler.join();
    }

    long peakMb() {
        return peakKb.get() / 1024;
    }

    long highWaterMarkMb() {
        return highWaterMarkKb / 1024;
    }

    private void sample() {
        while (running) {
            peakKb.accumulateAndGet(statusKb("VmRSS:"), Math::max);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
