package com.complaintcase.standalone;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.webjars.WebJarVersionLocator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real headless Chromium driven through its chromedriver, both found on this machine (Debian's {@code chromium} and
 * {@code chromium-driver}; or {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER}). Selenium Manager is never asked to
 * download anything: both paths are given to Selenium. Without them the browser tests are skipped, saying why.
 */
final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);
    /** How long the overview's charts may take after its first render (a benchmark's large store). */
    static final Duration CHARTS_WAIT = Duration.ofSeconds(120);

    private final ChromeDriver driver;
    private final URI base;

    private Browser(ChromeDriver driver, URI base) {
        this.driver = driver;
        this.base = base;
    }

    static final String MISSING = "Browser tests SKIPPED: no Chromium and chromedriver found (looked for "
            + "CHROMIUM_BINARY / chromium, chromium-browser, google-chrome and CHROMEDRIVER / chromedriver on the PATH); "
            + "install them with: apt-get install -y chromium chromium-driver";

    static boolean installed() {
        return chromium().isPresent() && chromedriver().isPresent();
    }

    /** Skips the calling test, with a message naming what is missing, when no Chromium or chromedriver is found. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(installed(), MISSING);
    }

    static Browser open(URI base) {
        System.setProperty("webdriver.chrome.driver", chromedriver().orElseThrow().toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium().orElseThrow().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--lang=en-GB", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver().orElseThrow().toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, base);
    }

    private static Optional<Path> chromium() {
        return executable("CHROMIUM_BINARY", "chromium", "chromium-browser", "google-chrome");
    }

    private static Optional<Path> chromedriver() {
        return executable("CHROMEDRIVER", "chromedriver");
    }

    private static Optional<Path> executable(String variable, String... names) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin");
        return Stream.of(names)
                .flatMap(name -> Stream.of(path.split(java.io.File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens the console afresh, signed out, and signs in through its form. */
    void signIn(String user, String password) {
        driver.get(base.resolve("/console/").toString());
        driver.executeScript("sessionStorage.clear()");
        driver.navigate().refresh();
        WebElement userField = waitFor(By.id("user"));
        userField.sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        waitForPage("overview");
    }

    /** Goes to a page of the console (the part after {@code #/}) and waits until it has rendered. */
    void show(String route) {
        driver.get(base.resolve("/console/#/" + route).toString());
        waitForPage(route.split("/")[0]);
    }

    void waitForPage(String page) {
        waitFor(By.cssSelector("[data-page='" + page + "'][data-ready='true']"));
    }

    /**
     * Reloads the overview and answers, in milliseconds after the navigation started (Navigation Timing's time origin),
     * when its first render was done (the counts shown) and when every chart was drawn.
     */
    Render overviewRender() {
        driver.navigate().refresh();
        waitForPage("overview");
        // every request of the page answered before the next reload, so that no render waits on the one before it
        new WebDriverWait(driver, CHARTS_WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trends[data-ready='true']")));
        new WebDriverWait(driver, CHARTS_WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#statistics[data-ready='true']")));
        Object at = driver.executeScript("return [performance.getEntriesByName('overview-rendered')[0].startTime,"
                + " performance.getEntriesByName('overview-complete')[0].startTime]");
        java.util.List<?> marks = (java.util.List<?>) at;
        return new Render(((Number) marks.get(0)).doubleValue(), ((Number) marks.get(1)).doubleValue());
    }

    record Render(double firstMillis, double completeMillis) {
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void waitForText(By locator, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBe(locator, text));
    }

    void waitUntilNoneLoading() {
        new WebDriverWait(driver, WAIT).until(d -> d.findElements(By.cssSelector("main .loading")).isEmpty());
    }

    String text(By locator) {
        return driver.findElement(locator).getText();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Serious and critical findings of axe-core run in the page, one line each; empty when there are none. */
    String accessibilityViolations() {
        String axe = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(axe)) {
            driver.executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object found = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(result => done(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))
                    .join('\\n')), failure => done('axe failed: ' + failure));
                """);
        return String.valueOf(found);
    }

    /** Saves what the browser shows as {@code docs/console/<name>.png} of the repository. */
    void screenshot(String name) {
        Path file = repositoryRoot().resolve("docs/console/" + name + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs/adr"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
