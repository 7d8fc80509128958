package com.orderdesk.cartcom.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The packaged Cart.com sandbox ({@code deploy/cartcom-sandbox}) as a child process, one per JVM, started on first
 * use and stopped with the JVM. Tests of the services reach Cart.com through it over real HTTP, exactly as in
 * production but for the base URL. Like {@link SharedStack}, the URL is published in a system property so that
 * every Quarkus class loader of the JVM finds the same process.
 */
public final class CartcomSandbox {
    /** System property holding the running sandbox's URL, e.g. {@code http://127.0.0.1:41234}. */
    public static final String URL_PROPERTY = "devstack.shared.cartcom-sandbox.url";
    private static final String LOCK = "com.orderdesk.cartcom.devstack.CartcomSandbox.lock";
    private static final String MODULE = "deploy/cartcom-sandbox";

    private CartcomSandbox() {
    }

    /** The sandbox's URL, starting it on the first call. */
    public static String url() {
        synchronized (LOCK.intern()) {
            String url = System.getProperty(URL_PROPERTY);
            if (url == null) {
                url = start();
                System.setProperty(URL_PROPERTY, url);
            }
            return url;
        }
    }

    /** The {@code cartcom.base-url-template} that points the services at the sandbox. */
    public static String baseUrlTemplate() {
        return url() + "/{domain}/api/v1";
    }

    /** The control API of the sandbox (stores, orders, faults, call log). */
    public static SandboxControl control() {
        return new SandboxControl(url());
    }

    private static String start() {
        Path module = repositoryRoot().resolve(MODULE);
        if (!Files.exists(module.resolve("target/quarkus-app/quarkus-run.jar"))) {
            throw new IllegalStateException("the Cart.com sandbox is not packaged: run `mvn install -DskipTests -pl "
                    + MODULE + "` (a full `mvn verify` builds it before the services)");
        }
        int port = FreePorts.find();
        ServiceProcess sandbox = ServiceProcess.quarkusApp("cartcom-sandbox", module)
                .systemProperty("quarkus.http.port", Integer.toString(port))
                .logFile(module.resolve("target/cartcom-sandbox-for-tests-" + port + ".log"))
                .startTimeout(Duration.ofSeconds(120))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "cartcom-sandbox-stop"));
        return "http://127.0.0.1:" + port;
    }

    /** The checkout's root: the nearest folder upwards from the working directory that holds the sandbox module. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve(MODULE))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find " + MODULE + " above " + Path.of("").toAbsolutePath());
    }
}
