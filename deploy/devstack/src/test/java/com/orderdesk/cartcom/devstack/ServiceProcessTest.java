package com.orderdesk.cartcom.devstack;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ServiceProcess against a tiny stand-in service (a jar with a JDK HTTP server), not a real Quarkus app. */
class ServiceProcessTest {

    @Test
    void startsWaitsForReadinessKillsAndRestarts(@TempDir Path dir) throws Exception {
        Path jar = fakeServiceJar(dir);
        int port = FreePorts.find();
        ServiceProcess service = ServiceProcess.jar("fake", jar)
                .systemProperty("quarkus.http.port", Integer.toString(port))
                .env("FAKE_GREETING", "hello").jvmArgs("-Xmx32m").build();
        try {
            service.start();
            long firstPid = service.processHandle().orElseThrow().pid();
            assertTrue(service.isRunning());

            service.kill();
            assertFalse(service.isRunning());
            assertFalse(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false));

            service.start();
            assertNotEquals(firstPid, service.processHandle().orElseThrow().pid());
            service.restart();
            assertTrue(service.isRunning());
            assertTrue(Files.readString(service.logFile()).contains("fake service up, hello"));
        } finally {
            service.close();
        }
        assertFalse(service.isRunning());
    }

    @Test
    void aGracefulStopTrainsTheClassArchiveLaterStartsUse(@TempDir Path dir) throws Exception {
        Path jar = fakeServiceJar(dir);
        Path trained = dir.resolve(ClassArchive.TRAINED);
        ServiceProcess service = ServiceProcess.jar("fake", jar).trainClassArchive(true)
                .systemProperty("quarkus.http.port", Integer.toString(FreePorts.find())).jvmArgs("-Xmx32m").build();
        try {
            service.start();
            service.kill();
            assertFalse(Files.exists(trained), "a killed JVM writes no archive");
            assertEquals(List.of(jar.getFileName()), filesIn(dir), "nor leaves a recording behind");

            service.start();
            assertTrue(lastStartOptions(service).contains("-XX:ArchiveClassesAtExit="));
            service.stop();
            assertTrue(Files.size(trained) > 0, "the graceful stop wrote the archive");
            assertEquals(List.of(ClassArchive.TRAINED, jar.getFileName().toString()),
                    filesIn(dir).stream().map(Path::toString).sorted().toList());

            service.start();
            assertTrue(lastStartOptions(service).contains("-XX:SharedArchiveFile=" + trained));
            service.stop();

            Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
            service.start();
            assertTrue(lastStartOptions(service).contains("-XX:ArchiveClassesAtExit="), "a newer build trains again");
        } finally {
            service.close();
        }
    }

    /** The JVM options the fake service printed when it last started. */
    private static String lastStartOptions(ServiceProcess service) throws Exception {
        List<String> lines = Files.readAllLines(service.logFile());
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("jvm options: ")) {
                return lines.get(i);
            }
        }
        throw new AssertionError("the fake service printed no options");
    }

    private static List<Path> filesIn(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(Path::getFileName).filter(name -> !name.toString().endsWith(".log")).toList();
        }
    }

    /** A jar whose main class is {@link FakeService}, built from the compiled test class. */
    private static Path fakeServiceJar(Path dir) throws Exception {
        Path jar = dir.resolve("fake-service.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             var in = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    /** Answers 200 on /q/health/ready, like a ready Quarkus app. */
    public static final class FakeService {
        public static void main(String[] args) throws Exception {
            int port = Integer.parseInt(System.getProperty("quarkus.http.port"));
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/q/health/ready", exchange -> {
                byte[] body = "{\"status\":\"UP\"}".getBytes();
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(body);
                }
            });
            server.start();
            System.out.println("jvm options: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
            System.out.println("fake service up, " + System.getenv("FAKE_GREETING"));
        }
    }
}
