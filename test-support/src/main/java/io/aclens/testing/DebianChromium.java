package io.aclens.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The browser the console's tests drive: Debian's chromium (installed by {@code ./aclens test}), headless, through
 * Playwright, which is told not to download a browser of its own (the machines' network does not reach its servers).
 */
public final class DebianChromium implements AutoCloseable {
    private final Playwright playwright;
    private final Browser browser;

    private DebianChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static DebianChromium launch() {
        Path executable = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser").stream().map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("The console's browser tests need Debian's chromium (./aclens test installs it)"));
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            return new DebianChromium(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                    .setExecutablePath(executable).setArgs(List.of("--no-sandbox"))));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
