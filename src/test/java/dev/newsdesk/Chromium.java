package dev.newsdesk;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through its chromedriver, for the tests of what a person does in a
 * browser. On a machine that lacks it, it is installed from Debian's packages (the test machines run as root).
 */
public final class Chromium {

    static final File BROWSER = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");

    private Chromium() {
    }

    public static ChromeDriver start(int width, int height) {
        installIfMissing();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + width + "," + height);
        try {
            options.addArguments("--user-data-dir=" + Files.createTempDirectory("newsdesk-chromium"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return driver;
    }

    /** Saves what the browser shows to {@code target/browser/<name>.png}, for a person to look at. */
    public static void screenshot(ChromeDriver driver, String name) {
        try {
            Path folder = Path.of("target", "browser");
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void installIfMissing() {
        if (BROWSER.canExecute() && DRIVER.canExecute()) {
            return;
        }
        try {
            Process install = new ProcessBuilder("sh", "-c",
                    "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver")
                    .inheritIO().start();
            if (install.waitFor() != 0 || !DRIVER.canExecute()) {
                throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver, and "
                        + "installing them failed; install them with apt-get and run the tests again");
            }
        } catch (IOException e) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
