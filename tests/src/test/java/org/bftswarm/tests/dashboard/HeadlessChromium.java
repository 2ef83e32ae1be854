package org.bftswarm.tests.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The system's Chromium and chromedriver (installed by {@code scripts/ensure-chromium.sh}), driven
 * headless through Selenium. Both binaries are named explicitly, so Selenium never tries to fetch a
 * driver or a browser of its own.
 */
final class HeadlessChromium {
    private HeadlessChromium() {}

    /** A headless browser with a laptop-sized window; fails with what to install when a binary is missing. */
    static ChromeDriver start() {
        Path browser = binary("BFTSWARM_CHROMIUM", "chromium");
        Path driver = binary("BFTSWARM_CHROMEDRIVER", "chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1440,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return chrome;
    }

    /** Saves what the browser shows as {@code target/dashboard/NAME.png} and returns the file. */
    static Path screenshot(ChromeDriver chrome, String name) throws IOException {
        Path dir = Path.of("target", "dashboard");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        File shot = ((TakesScreenshot) chrome).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("screenshot: " + file.toAbsolutePath());
        return file;
    }

    private static Path binary(String variable, String name) {
        Optional<Path> found =
                Optional.ofNullable(System.getenv(variable)).map(Path::of).or(() -> onPath(name));
        return found.filter(Files::isExecutable)
                .orElseThrow(() -> new AssertionError("the browser tests need " + name
                        + " (run them with ./bftswarm test, whose scripts/ensure-chromium.sh installs chromium and"
                        + " chromium-driver; or set " + variable + ")"));
    }

    private static Optional<Path> onPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
