package kz.qatysu.platform.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through ChromeDriver, fully offline (no Selenium Manager), one per test class.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    public Browser() {
        try {
            profile = Files.createTempDirectory("qatysu-chromium-");
            screenshots = Files.createDirectories(Path.of(System.getProperty("qatysu.screenshots", "target/screenshots")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("QATYSU_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--window-size=1280,900", "--lang=kk", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("QATYSU_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    private static String executable(String env, String fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
        awaitPageReady();
    }

    public WebElement find(By by) {
        return await(d -> d.findElement(by));
    }

    /** The element's text, read again if a re-render replaced the element between finding and reading it. */
    public String text(By by) {
        return await(d -> d.findElement(by).getText());
    }

    /**
     * Clicks and waits for what the click set off: the next document when it navigates (a form post, a redirect after
     * an AJAX request), the AJAX requests it sent and their DOM updates otherwise. Waiting only for "ready" is not
     * enough: right after a click that posts a form the old document is still there, complete and idle.
     */
    public void click(By by) {
        String mark = watchNextClick();
        await(d -> { // found again if a re-render replaced it before the click landed (a refused click did nothing)
            d.findElement(by).click();
            return true;
        });
        awaitAftermath(mark);
    }

    /** Clicks an element already found (a checkbox in a list, say), waiting as {@link #click(By)} does. */
    public void click(WebElement element) {
        String mark = watchNextClick();
        element.click();
        awaitAftermath(mark);
    }

    public void type(By by, String text) {
        await(d -> {
            WebElement element = d.findElement(by);
            element.clear();
            element.sendKeys(text);
            return true;
        });
    }

    private static final String WATCH = """
            var w = window;
            if (!w.__qatysuWatch) {
              w.__qatysuWatch = {sent: 0, done: 0, leaving: false, mark: null};
              var send = XMLHttpRequest.prototype.send;
              XMLHttpRequest.prototype.send = function () {
                w.__qatysuWatch.sent++;
                this.addEventListener('loadend', function () { w.__qatysuWatch.done++; });
                return send.apply(this, arguments);
              };
              w.addEventListener('beforeunload', function () { w.__qatysuWatch.leaving = true; });
            }
            w.__qatysuWatch.mark = arguments[0];
            w.__qatysuWatch.sentBefore = w.__qatysuWatch.sent;
            """;

    private static final String AFTERMATH = """
            var w = window.__qatysuWatch;
            var idle = document.readyState === 'complete'
                && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty());
            if (!w || w.mark !== arguments[0]) return idle ? 'new-document' : 'loading';
            if (w.leaving) return 'leaving';
            if (w.sent > w.sentBefore) return idle && w.sent === w.done ? 'ajax-done' : 'ajax';
            return 'nothing';
            """;

    private int clicks;

    private String watchNextClick() {
        String mark = "click-" + (++clicks);
        ((JavascriptExecutor) driver).executeScript(WATCH, mark);
        return mark;
    }

    /** Polls the page's state after a click; a click that neither navigates nor sends anything settles after 400 ms. */
    private void awaitAftermath(String mark) {
        long quietSince = System.nanoTime();
        await(d -> {
            String state;
            try {
                state = (String) ((JavascriptExecutor) d).executeScript(AFTERMATH, mark);
            } catch (org.openqa.selenium.JavascriptException e) {
                return false; // the document is being replaced
            }
            return switch (state) {
                case "new-document", "ajax-done" -> true;
                case "nothing" -> System.nanoTime() - quietSince > 400_000_000L;
                default -> false;
            };
        });
        awaitPageReady();
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    /** Waits (polling every 100 ms, up to 30 s) until the condition yields a non-null, non-false value. */
    public <T> T await(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100))
                    .ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> {
                        try {
                            return condition.apply(d);
                        } catch (org.openqa.selenium.WebDriverException e) {
                            // Chromium reports some elements replaced by a re-render this way, not as stale.
                            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                                return null;
                            }
                            throw e;
                        }
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            Path shot = screenshot("timeout-" + System.currentTimeMillis());
            throw new AssertionError("Timed out at " + driver.getCurrentUrl() + " (screenshot " + shot + ")", e);
        }
    }

    public void awaitUrlContains(String part) {
        await(d -> d.getCurrentUrl().contains(part));
        awaitPageReady();
    }

    /** Document loaded and, where PrimeFaces is present, its AJAX queue empty. */
    public void awaitPageReady() {
        await(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete'"
                        + " && (!window.jQuery || jQuery.active === 0)"
                        + " && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty());"));
    }

    /** The value of a cookie of the current site, or null. */
    public String cookie(String name) {
        org.openqa.selenium.Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** Forgets every cookie of every site and path (portal and Keycloak realms alike): a new visitor. */
    public void clearCookies() {
        driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        driver.manage().deleteAllCookies();
    }

    /** Saves a PNG of the current page under target/screenshots. */
    public Path screenshot(String name) {
        try {
            Path target = screenshots.resolve(name + ".png");
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a leftover temp profile is harmless
            }
        }
    }
}
