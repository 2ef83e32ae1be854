package org.bftswarm.tests.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bftswarm.deploy.cli.CliRun;
import org.bftswarm.tests.support.RealCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web dashboard in a real (headless) Chromium against a real 4-node cluster: it shows the nodes,
 * follows jobs submitted from the page and from the CLI to COMPLETE (with the task's output), cancels
 * a job from the page, shows power, carbon and a rating (as the {@code energy} command does), and
 * follows a killed node to DOWN, all
 * without a reload (a marker set in the page at the start must still be there), and shows a refused
 * submit as the API's message. Each step leaves a screenshot under {@code target/dashboard/}.
 */
@Tag("docker")
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    private static final Duration JOB_DEADLINE = Duration.ofSeconds(60);
    private static final Duration DOWN_DEADLINE = Duration.ofSeconds(45);
    private static final Pattern SUBMITTED = Pattern.compile("submitted (\\S+)");
    private static final Pattern CLI_JOB = Pattern.compile("^(\\S+)$", Pattern.MULTILINE);

    private DashboardCluster cluster;
    private ChromeDriver chrome;

    @BeforeAll
    void up(@TempDir Path dir) throws Exception {
        cluster = new DashboardCluster(dir);
        CliRun up = cluster.cli("up", "--skip-docker-check", "--timeout", "150");
        assertThat(up.exitCode()).as("up: %s", up.all()).isZero();
        chrome = HeadlessChromium.start();
        chrome.get(cluster.url(0) + "/");
        chrome.executeScript("window.bftswarmNoReload = 'set before the first step';");
    }

    @AfterAll
    void down() {
        if (chrome != null) {
            chrome.quit();
        }
        if (cluster != null) {
            cluster.cli("down");
        }
    }

    @Test
    @Order(1)
    void thePageShowsEveryNodeUpAndTheCluster() throws Exception {
        await(Duration.ofSeconds(30))
                .until(d -> nodeStates().size() == RealCluster.N
                        && nodeStates().stream().allMatch("UP"::equals));
        assertThat(chrome.findElement(By.id("cluster")).getText())
                .contains("n 4")
                .contains("f 1");
        await(Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.id("live"), "live"));
        HeadlessChromium.screenshot(chrome, "01-nodes");
    }

    @Test
    @Order(2)
    void aJobSubmittedFromThePageTurnsCompleteWithoutReload() throws Exception {
        String jobId = submitFromThePage("echo from-the-page");
        awaitJobStatus(jobId, "COMPLETE");
        chrome.findElement(By.cssSelector("tr[data-job='" + jobId + "']")).click();
        await(Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#tasks tbody"), "from-the-page"));
        assertNotReloaded();
        HeadlessChromium.screenshot(chrome, "02-page-job-complete");
    }

    @Test
    @Order(3)
    void aJobCancelledFromThePageTurnsCancelled() throws Exception {
        String jobId = submitFromThePage("sleep 120");
        By cancel = By.cssSelector("button[data-cancel='" + jobId + "']");
        await(Duration.ofSeconds(30))
                .until(ExpectedConditions.elementToBeClickable(cancel))
                .click();
        awaitJobStatus(jobId, "CANCELLED");
        assertNotReloaded();
        HeadlessChromium.screenshot(chrome, "03-page-job-cancelled");
    }

    @Test
    @Order(4)
    void aJobSubmittedFromTheCliAppearsAndTurnsComplete() throws Exception {
        CliRun submit = cluster.cli("submit", "--image", RealCluster.IMAGE, "--", "echo", "from-the-cli");
        assertThat(submit.exitCode()).as("submit: %s", submit.all()).isZero();
        Matcher m = CLI_JOB.matcher(submit.out());
        assertThat(m.find()).as("a job id in: %s", submit.out()).isTrue();
        awaitJobStatus(m.group(1), "COMPLETE");
        assertNotReloaded();
        HeadlessChromium.screenshot(chrome, "04-cli-job-complete");
    }

    @Test
    @Order(5)
    void aRefusedSubmitIsShownAsTheApisMessage() throws Exception {
        WebElement form = chrome.findElement(By.id("submit-form"));
        type(form.findElement(By.name("token")), "not-the-token");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        await(Duration.ofSeconds(15)).until(ExpectedConditions.attributeToBe(By.id("message"), "class", "error"));
        assertThat(chrome.findElement(By.id("message")).getText())
                .startsWith("submit refused: 401")
                .contains("Authorization: Bearer");
        HeadlessChromium.screenshot(chrome, "05-refused-submit");
    }

    @Test
    @Order(6)
    void theGreenPanelAndTheEnergyCommandShowPowerCarbonAndARating() throws Exception {
        await(Duration.ofSeconds(30))
                .until(ExpectedConditions.textMatches(
                        By.id("energy-summary"), Pattern.compile("W now .* g CO2 at 400 g/kWh")));
        await(Duration.ofSeconds(30))
                .until(d -> RealCluster.N
                        == chrome.findElements(By.cssSelector("[data-testid^='node-power-']")).stream()
                                .filter(c -> c.getText().endsWith(" W"))
                                .count());
        // three tasks succeeded by now, and energy was used: the cluster has a rating
        await(Duration.ofSeconds(30))
                .until(ExpectedConditions.textMatches(By.id("energy-rating"), Pattern.compile("A\\+|[A-F]")));
        CliRun energy = cluster.cli("energy");
        assertThat(energy.exitCode()).as("energy: %s", energy.all()).isZero();
        assertThat(energy.out())
                .containsPattern("cluster: [0-9.]+ W now, [0-9.]+ kWh, [0-9.]+ g CO2 at 400 g/kWh")
                .containsPattern("rating (A\\+|[A-F])")
                .contains("source");
        HeadlessChromium.screenshot(chrome, "06-energy");
    }

    @Test
    @Order(7)
    void aKilledNodeTurnsDown() throws Exception {
        int victim = RealCluster.N - 1;
        cluster.faults().kill(victim);
        await(DOWN_DEADLINE).until(d -> "DOWN".equals(nodeStates().get(victim)));
        assertNotReloaded();
        HeadlessChromium.screenshot(chrome, "07-node-down");
    }

    /** Fills in the form with the cluster's token, submits, and returns the job id the page reports. */
    private String submitFromThePage(String command) throws Exception {
        WebElement form = chrome.findElement(By.id("submit-form"));
        type(form.findElement(By.name("command")), command);
        type(form.findElement(By.name("token")), cluster.token());
        String before = chrome.findElement(By.id("message")).getText();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        // the message of an earlier submit matches too: wait for this submit's own
        await(Duration.ofSeconds(30)).until(d -> {
            String now = chrome.findElement(By.id("message")).getText();
            return !now.equals(before) && SUBMITTED.matcher(now).find();
        });
        Matcher m = SUBMITTED.matcher(chrome.findElement(By.id("message")).getText());
        assertThat(m.find()).as("a job id in the page's message").isTrue();
        return m.group(1);
    }

    private List<String> nodeStates() {
        return chrome.findElements(By.cssSelector("#nodes tbody td.state")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void awaitJobStatus(String jobId, String status) {
        By cell = By.cssSelector("[data-testid='job-status-" + jobId + "']");
        try {
            await(JOB_DEADLINE).until(ExpectedConditions.textToBe(cell, status));
        } catch (RuntimeException e) {
            System.out.println(
                    "DEBUG message: " + chrome.findElement(By.id("message")).getText());
            chrome.manage().logs().get("browser").forEach(l -> System.out.println("browser console: " + l));
            throw e;
        }
    }

    private void assertNotReloaded() {
        assertThat(chrome.executeScript("return window.bftswarmNoReload;"))
                .as("the page was not reloaded")
                .isEqualTo("set before the first step");
    }

    private WebDriverWait await(Duration deadline) {
        WebDriverWait wait = new WebDriverWait(chrome, deadline, Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }
}
