package com.orderdesk.cartcom.e2e.suite;

import com.orderdesk.cartcom.devstack.ServiceProcess;
import com.orderdesk.cartcom.launcher.LocalSystem;
import com.orderdesk.cartcom.launcher.Service;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * SIGKILLs service processes at random moments and starts them again, and once each the Kafka broker and PostgreSQL
 * (each then starts again on its data, recovering as after a crash), while the workload runs. Every crash is kept
 * with its time, so that a write repeated at Cart.com can be checked against the crashes that explain it. Every kill is followed by a restart, so at most one instance of a service is
 * down at a time and the system can always make progress. The victims come in rounds, each a shuffle of every
 * process, so with as many kills as processes each is killed once, with twice as many twice (picked independently,
 * at 16 kills of 8 processes, more often than not some process would never be killed).
 */
final class Chaos implements Runnable {
    static final String KAFKA = "Kafka broker";
    static final String POSTGRES = "PostgreSQL";

    /** A process SIGKILLed at {@code at}: a service instance by its name, the broker or PostgreSQL. */
    record Crash(Instant at, String process) {
        /** Whether the crash could cut short {@code service}'s work: its own instance, or the database it commits to. */
        boolean interrupts(Service service) {
            return process.equals(POSTGRES) || process.startsWith(service.module());
        }
    }

    private final LocalSystem system;
    private final int kills;
    private final IntConsumer afterEachKill;
    private final Random random;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger done = new AtomicInteger();
    private final List<String> journal = new ArrayList<>();
    private final Map<String, Integer> killed = new HashMap<>();
    private final List<Crash> crashes = new ArrayList<>();
    private volatile RuntimeException failure;

    /** {@code afterEachKill} gets the number of the kill just done (1-based), e.g. to add orders between kills. */
    Chaos(LocalSystem system, int kills, long seed, IntConsumer afterEachKill) {
        this.system = system;
        this.kills = kills;
        this.afterEachKill = afterEachKill;
        this.random = new Random(seed);
    }

    @Override
    public void run() {
        List<ServiceProcess> victims = victims();
        int brokerAt = kills / 3;
        int postgresAt = (2 * kills) / 3;
        try {
            for (int i = 0; i < kills && !stop.get(); i++) {
                Thread.sleep(2_000 + random.nextInt(6_000));
                if (i == brokerAt) {
                    recordCrash(KAFKA);
                    system.stack().kafka().kill();
                    Thread.sleep(1_000);
                    system.stack().kafka().start();
                }
                if (i == postgresAt) {
                    recordCrash(POSTGRES);
                    system.stack().postgres().kill();
                    Thread.sleep(1_000);
                    system.stack().postgres().start();
                }
                ServiceProcess victim = victims.get(i);
                recordCrash(victim.name());
                victim.kill();
                Thread.sleep(500 + random.nextInt(2_000));
                victim.start();
                afterEachKill.accept(done.incrementAndGet());
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new IllegalStateException("chaos interrupted", e);
        }
    }

    /** Every process once per round, each round in a random order, as many rounds as the kills need. */
    private List<ServiceProcess> victims() {
        List<ServiceProcess> processes = processes();
        List<ServiceProcess> victims = new ArrayList<>();
        while (victims.size() < kills) {
            List<ServiceProcess> round = new ArrayList<>(processes);
            Collections.shuffle(round, random);
            victims.addAll(round);
        }
        return victims;
    }

    /** How often each process was killed, by name; every process is a key. */
    synchronized Map<String, Integer> killsByProcess() {
        Map<String, Integer> byProcess = new TreeMap<>();
        processes().forEach(p -> byProcess.put(p.name(), killed.getOrDefault(p.name(), 0)));
        return byProcess;
    }

    private List<ServiceProcess> processes() {
        List<ServiceProcess> processes = new ArrayList<>();
        for (Service service : Service.values()) {
            processes.addAll(system.instances(service));
        }
        return processes;
    }

    void stop() {
        stop.set(true);
    }

    boolean finished() {
        return stop.get() || done.get() >= kills || failure != null;
    }

    int killsDone() {
        return done.get();
    }

    void rethrow() {
        if (failure != null) {
            throw new IllegalStateException("chaos failed: " + journal, failure);
        }
    }

    synchronized List<String> journal() {
        return List.copyOf(journal);
    }

    /** The crashes so far, oldest first. */
    synchronized List<Crash> crashes() {
        return List.copyOf(crashes);
    }

    private synchronized void recordCrash(String process) {
        if (!process.equals(KAFKA) && !process.equals(POSTGRES)) {
            killed.merge(process, 1, Integer::sum);
        }
        crashes.add(new Crash(Instant.now(), process));
        log("SIGKILL " + process);
    }

    private synchronized void log(String line) {
        journal.add(line);
        System.out.println("[chaos] " + line);
    }
}
