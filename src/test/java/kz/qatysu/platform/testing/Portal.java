package kz.qatysu.platform.testing;

import org.openqa.selenium.By;

/** The portal under test as a browser user meets it: its address, a fresh visit, the language switch, the logins. */
public final class Portal {

    /** Where the ITs' Payara Micro answers (a fixed port: Keycloak's redirect URIs name it). */
    public static final String URL = "http://localhost:" + System.getProperty("qatysu.it.port", "18080");

    private Portal() {
    }

    /** A visitor without cookies (none of the portal's, none of Keycloak's) on the home page. */
    public static void newVisitor(Browser browser) {
        browser.open(URL + "/");
        browser.clearCookies();
        browser.open(URL + "/");
    }

    /**
     * Switches the language and waits for the page the switch posts and redirects to: without waiting for the old page
     * to go, a navigation right after it can be overtaken by the switch's redirect (seen in CI as tests stuck on the
     * home page).
     */
    public static void chooseLanguage(Browser browser, String language) {
        browser.click(By.cssSelector("#languageForm a[lang='" + language + "']"));
        browser.await(d -> !d.findElements(By.cssSelector("#languageForm a[lang='" + language + "'].active")).isEmpty());
    }

    /** From the home page through Keycloak to the stand-in eGov login form and back (not awaited: it may be refused). */
    public static void signInWithEgov(Browser browser, String iin) {
        browser.open(URL + "/");
        browser.click(By.id("signInEgov"));
        browser.awaitUrlContains("/realms/egov/");
        browser.type(By.id("username"), iin);
        browser.type(By.id("password"), "demo");
        browser.click(By.id("kc-login"));
    }

    /** Keycloak's identity-first form: the login name, then (staff only) the password; ends on the staff pages. */
    public static void signInAsStaff(Browser browser, String username) {
        browser.open(URL + "/");
        browser.click(By.id("signInStaff"));
        browser.awaitUrlContains("/realms/qatysu/");
        browser.type(By.id("username"), username);
        browser.click(By.id("kc-login"));
        browser.type(By.id("password"), "demo");
        browser.click(By.id("kc-login"));
        browser.awaitUrlContains("/staff");
    }
}
