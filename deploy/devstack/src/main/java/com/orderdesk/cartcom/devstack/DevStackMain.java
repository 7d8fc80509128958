package com.orderdesk.cartcom.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local stack until Ctrl-C: {@code java -jar devstack.jar [dataDir]} (default {@code .devstack}).
 * Prints the settings the services need as {@code NAME=value} lines, ready for {@code export} or an .env file.
 */
public final class DevStackMain {
    private DevStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = args.length > 0 ? Path.of(args[0]) : DevStack.DEFAULT_DATA_DIR;
        long started = System.nanoTime();
        DevStack stack = DevStack.start(dataDir);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("# devstack up in " + millis + " ms, data in " + stack.dataDir() + "; Ctrl-C stops it");
        System.out.println("KAFKA_BOOTSTRAP_SERVERS=" + stack.bootstrapServers());
        System.out.println("DEVSTACK_JDBC_BASE_URL=" + stack.postgres().jdbcBaseUrl());
        System.out.println("DEVSTACK_DB_USER=" + stack.username());
        System.out.println("DEVSTACK_DB_PASSWORD=" + stack.password());
        for (String db : DevStack.DATABASES) {
            System.out.println("JDBC_URL_" + db.toUpperCase(java.util.Locale.ROOT) + "=" + stack.jdbcUrl(db));
        }
        System.out.flush();
        // The stack's shutdown hook stops everything on Ctrl-C; this thread only has to stay alive until then.
        new CountDownLatch(1).await();
    }
}
