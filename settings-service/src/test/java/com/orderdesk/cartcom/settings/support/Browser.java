package com.orderdesk.cartcom.settings.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver: both named by path, so Selenium Manager never
 * looks for (or downloads) a browser or driver of its own. A machine without them fails the test with what to install,
 * rather than skipping it: the page would otherwise go untested without anyone noticing. {@code .ci/run} installs them.
 */
public final class Browser {
    public static final Path CHROMIUM = Path.of(System.getProperty("ui.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("ui.chromedriver", "/usr/bin/chromedriver"));

    public static ChromeDriver start(Path profile) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The merchant's page is tested in Debian's Chromium, and " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: install them with `apt-get install -y chromium chromium-driver` (.ci/run does), "
                    + "or name others with -Dui.chromium=... -Dui.chromedriver=...");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium's own connections (updates, sync, field trials) are
        // refused here many at a time; a fresh profile keeps every run's first load uncached.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1900", "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * The whole page as a PNG under target/ui-screenshots (docs/ui/ keeps copies of the good ones): the window is made
     * as tall as the page for the picture, then set back.
     */
    public static void screenshot(ChromeDriver driver, String name) {
        Dimension window = driver.manage().window().getSize();
        Number height = (Number) driver.executeScript("window.scrollTo(0, 0); return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(window.getWidth(), Math.max(window.getHeight(), height.intValue() + 140)));
        try {
            Path dir = Path.of("target", "ui-screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    private Browser() {
    }
}
