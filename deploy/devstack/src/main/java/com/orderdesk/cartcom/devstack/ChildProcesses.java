package com.orderdesk.cartcom.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Starts, tracks and ends the child processes of the stack so that none outlives this JVM.
 *
 * <p>Two guards: a shutdown hook (Ctrl-C, SIGTERM, normal exit) runs each child's graceful stop and then kills
 * what is left with its descendants; and, where util-linux {@code setpriv} is available, each child is started with
 * {@code --pdeathsig KILL}, so the kernel kills it even when this JVM dies by SIGKILL. The parent-death signal fires
 * when the <em>thread</em> that forked the child ends, so every child is forked from one long-lived launcher thread.
 */
final class ChildProcesses {
    static final int NOBODY_UID = 65534;
    private static final Map<Process, Runnable> LIVE = new ConcurrentHashMap<>();
    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "devstack-process-launcher");
        t.setDaemon(true);
        return t;
    });
    private static final boolean SETPRIV = probeSetpriv();
    private static final boolean ROOT = probeRoot();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::stopAll, "devstack-children-stop"));
    }

    private ChildProcesses() {
    }

    /** Whether this JVM runs as uid 0 (postgres then needs an unprivileged user). */
    static boolean runningAsRoot() {
        return ROOT;
    }

    /**
     * Starts {@code command}, as the unprivileged {@code nobody} user when {@code unprivileged} and this JVM is
     * root, with stdout and stderr appended to {@code log}. {@code gracefulStop} is what the shutdown hook runs.
     */
    static Process start(List<String> command, Path workDir, Map<String, String> env, Path log,
                         boolean unprivileged, Runnable gracefulStop) {
        List<String> full = new ArrayList<>();
        if (SETPRIV) {
            full.addAll(List.of("setpriv", "--pdeathsig", "KILL"));
            if (unprivileged && ROOT) {
                full.addAll(List.of("--reuid=" + NOBODY_UID, "--regid=" + NOBODY_UID, "--clear-groups"));
            }
        } else if (unprivileged && ROOT) {
            throw new IllegalStateException("running as root needs util-linux setpriv to drop privileges");
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            Process process = LAUNCHER.submit(builder::start).get();
            if (gracefulStop != null) {
                LIVE.put(process, gracefulStop);
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not start " + command, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + command, e);
        }
    }

    /** Runs {@code command} to its end (same user rules as {@link #start}) and fails unless it exits with 0. */
    static void run(List<String> command, Path workDir, Map<String, String> env, Path log, boolean unprivileged,
                    Duration timeout) {
        Process process = start(command, workDir, env, log, unprivileged, null);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new IllegalStateException(command.get(0) + " did not finish within " + timeout + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " exited with " + process.exitValue() + "; see " + log
                        + "\n" + Logs.tail(log, 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sends {@code signal} (e.g. "INT") to the process: Java itself can only send TERM and KILL. */
    static void signal(Process process, String signal) {
        try {
            new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the process to exit after a stop signal; kills it (and its descendants) after {@code grace}. */
    static void awaitExit(Process process, Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
        }
        killDescendantsOf(process.toHandle());
        LIVE.remove(process);
    }

    /** SIGKILL to the process and all its descendants, and waits until it is gone. */
    static void kill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle d : descendants) {
                d.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // a descendant that outlives 10 s after SIGKILL is beyond our reach anyway
        }
        LIVE.remove(process);
    }

    private static void killDescendantsOf(ProcessHandle handle) {
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** Shutdown hook: the graceful stops in parallel, then SIGKILL for whatever is still alive. */
    static void stopAll() {
        List<Thread> stoppers = new ArrayList<>();
        for (Map.Entry<Process, Runnable> entry : Map.copyOf(LIVE).entrySet()) {
            Thread t = new Thread(entry.getValue(), "devstack-stop-" + entry.getKey().pid());
            t.start();
            stoppers.add(t);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        for (Thread t : stoppers) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map.copyOf(LIVE).keySet().forEach(ChildProcesses::kill);
    }

    private static boolean probeSetpriv() {
        try {
            Process p = new ProcessBuilder("setpriv", "--pdeathsig", "KILL", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean probeRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return "root".equals(System.getProperty("user.name"));
    }
}
