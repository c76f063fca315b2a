package kz.qatysu.platform.testing;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the browser journeys (`*BrowserIT`): the portal exactly as built on Payara Micro, the real Keycloak with
 * both realms, one headless Chromium per class, and a visitor without cookies at the start of every test.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
@RunAsClient
public abstract class PortalBrowserTest {

    protected static final String PORTAL = Portal.URL;
    protected static Browser browser;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.portal();
    }

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
