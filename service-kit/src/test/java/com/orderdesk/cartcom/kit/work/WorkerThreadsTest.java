package com.orderdesk.cartcom.kit.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerThreadsTest {

    @Test
    void wakesUpNoSoonerThanAskedAndOnItsOwnNamedThread() throws Exception {
        try (WorkerThreads threads = new WorkerThreads("lanes", 2)) {
            Instant at = Instant.now().plusMillis(150);
            CountDownLatch woken = new CountDownLatch(1);
            String[] thread = new String[1];
            Instant[] when = new Instant[1];
            threads.wakeUpAt(at, () -> {
                thread[0] = Thread.currentThread().getName();
                when[0] = Instant.now();
                woken.countDown();
            });
            assertTrue(woken.await(5, TimeUnit.SECONDS));
            assertFalse(when[0].isBefore(at), "woken at " + when[0] + ", asked for " + at);
            assertEquals("lanes-wake", thread[0]);
            String[] worker = new String[1];
            threads.submit(() -> worker[0] = Thread.currentThread().getName()).get();
            assertTrue(worker[0].matches("lanes-\\d+"), worker[0]);
        }
    }

    @Test
    void closedThreadsTakeNoWorkAndIgnoreWakeUps() {
        WorkerThreads threads = new WorkerThreads("closed", 1);
        threads.close();
        assertThrows(RejectedExecutionException.class, () -> threads.execute(() -> { }));
        threads.wakeUpAt(Instant.now(), () -> { throw new AssertionError("woken after closing"); });
    }
}
