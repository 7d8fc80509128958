package com.orderdesk.cartcom.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A server the stack runs as a child process (the Kafka broker, PostgreSQL, a packaged service) and the life they
 * share: started with its output appended to a log, waited for until ready, stopped gracefully (SIGKILL after a
 * grace period) or killed as a crash would. A subclass says how its server starts, what its graceful stop signal
 * is and what "ready" means.
 */
abstract class ChildServer implements AutoCloseable {
    private static final int LOG_LINES_IN_ERRORS = 40;

    private final String name;
    private final Path logFile;
    private final Duration stopGrace;
    private Process process;

    /** {@code name}: how errors call the server. */
    ChildServer(String name, Path logFile, Duration stopGrace) {
        this.name = name;
        this.logFile = logFile;
        this.stopGrace = stopGrace;
    }

    /** Asks the process to end gracefully; {@link #stop()} waits for it and kills it after the grace period. */
    abstract void sendStopSignal(Process process);

    /** Told of the process once it ended, stopped or killed. */
    void ended(Process process) {
    }

    /** Starts {@code command} (see {@link ChildProcesses#start}); the JVM's exit stops it gracefully. */
    synchronized void startProcess(List<String> command, Path workDir, Map<String, String> env, boolean unprivileged) {
        process = ChildProcesses.start(command, workDir, env, logFile, unprivileged, this::stop);
    }

    /**
     * Asks {@code probe} every {@code pollEvery} until the server is ready. Fails if the process exits first, or
     * kills it and fails once {@code timeout} has passed; a probe may also fail at once by throwing.
     */
    void awaitReady(Duration timeout, Duration pollEvery, ReadinessProbe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Process current = startingProcess();
                if (!current.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + current.exitValue() + "; see " + logFile
                            + "\n" + Logs.tail(logFile, LOG_LINES_IN_ERRORS));
                }
                if (probe.ready()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    kill();
                    throw new IllegalStateException(name + " not ready within " + timeout + "; see " + logFile
                            + "\n" + Logs.tail(logFile, LOG_LINES_IN_ERRORS));
                }
                Thread.sleep(pollEvery.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    /** The graceful stop signal, then SIGKILL if still alive after the grace period. start() again resumes. */
    public synchronized void stop() {
        if (process != null) {
            sendStopSignal(process);
            ChildProcesses.awaitExit(process, stopGrace);
            forget();
        }
    }

    /** SIGKILL to the process and its descendants, as a crash would. start() again recovers as after a crash. */
    public synchronized void kill() {
        if (process != null) {
            ChildProcesses.kill(process);
            forget();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The process, e.g. for its pid; empty while stopped. */
    public synchronized Optional<ProcessHandle> processHandle() {
        return isRunning() ? Optional.of(process.toHandle()) : Optional.empty();
    }

    /** Where the process's console output (and for the broker its log) goes. */
    public Path logFile() {
        return logFile;
    }

    private synchronized Process startingProcess() {
        if (process == null) {
            throw new IllegalStateException(name + " was stopped while starting");
        }
        return process;
    }

    private void forget() {
        ended(process);
        process = null;
    }

    /** Whether a starting server is ready yet. */
    @FunctionalInterface
    interface ReadinessProbe {
        /** True once ready, false if not yet; throws if it never will be (e.g. its login is refused). */
        boolean ready() throws InterruptedException;
    }
}
