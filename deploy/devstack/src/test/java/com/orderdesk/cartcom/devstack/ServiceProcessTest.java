package com.orderdesk.cartcom.devstack;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

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
            System.out.println("fake service up, " + System.getenv("FAKE_GREETING"));
        }
    }
}
