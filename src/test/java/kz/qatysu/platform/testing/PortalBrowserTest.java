package kz.qatysu.platform.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the browser journeys (`*BrowserIT`): the portal exactly as built on Payara Micro ({@link SharedPortal}, one
 * for all of them), the real Keycloak with both realms, one headless Chromium per class, and a visitor without cookies
 * at the start of every test.
 */
@ExtendWith({KeycloakServer.class, SharedPortal.class})
public abstract class PortalBrowserTest {

    protected static final String PORTAL = Portal.URL;
    protected static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void freshVisitor() {
        Portal.newVisitor(browser);
    }
}
