package kz.qatysu.portal;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qatysu.platform.testing.Browser;
import kz.qatysu.platform.testing.Database;
import kz.qatysu.platform.testing.Portal;
import kz.qatysu.platform.testing.PortalBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Journeys through the real login chain in headless Chromium: portal → Keycloak realm qatysu → realm egov (the
 * national identity provider) → back to the portal; staff through Keycloak's own form.
 */
public class PortalBrowserIT extends PortalBrowserTest {

    @Test
    public void aCitizenSignsInWithEgovAndSeesTheirRegistryDataInEachLanguage() {
        String sessionBefore = browser.cookie("JSESSIONID");
        Portal.signInWithEgov(browser, "800416100254");
        browser.awaitUrlContains("/cabinet");
        // A session id known before the login is not the session of the logged-in citizen (session fixation).
        assertThat(browser.cookie("JSESSIONID")).isNotNull().isNotEqualTo(sessionBefore);

        Portal.chooseLanguage(browser, "kk");
        assertThat(browser.text(By.id("maskedIin"))).isEqualTo("800416******");
        assertThat(browser.text(By.id("fullName"))).isNotBlank();
        assertThat(browser.text(By.id("territoryPath"))).isEqualTo("Алматы › Бостандық ауданы");
        assertThat(browser.pageSource()).doesNotContain("800416100254");
        browser.screenshot("cabinet-kk");

        Portal.chooseLanguage(browser, "ru");
        assertThat(browser.text(By.id("territoryPath"))).isEqualTo("Алматы › Бостандыкский район");
        assertThat(browser.text(By.id("cabinetHeading"))).isEqualTo("Личный кабинет");

        Portal.chooseLanguage(browser, "en");
        assertThat(browser.text(By.id("territoryPath"))).isEqualTo("Almaty › Bostandyk District");
        assertThat(browser.text(By.id("sex"))).isEqualTo("Male");
        assertThat(Integer.parseInt(browser.text(By.id("age")))).isGreaterThan(140);
        browser.screenshot("cabinet-en");
    }

    @Test
    public void afterLogoutSigningInAgainShowsTheEgovLoginForm() {
        Portal.signInWithEgov(browser, "750505200024");
        browser.awaitUrlContains("/cabinet");
        Portal.chooseLanguage(browser, "kk");
        assertThat(browser.text(By.id("territoryPath"))).isEqualTo("Астана › Есіл ауданы");

        browser.click(By.id("logoutButton"));
        browser.await(d -> d.getCurrentUrl().equals(PORTAL + "/") || d.getCurrentUrl().startsWith(PORTAL + "/index"));

        browser.click(By.id("signInEgov"));
        browser.awaitUrlContains("/realms/egov/");
        assertThat(browser.find(By.id("username")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("password")).isDisplayed()).isTrue();
    }

    @Test
    public void aPersonWithAnInvalidIinIsRefusedWithAClearPageAndNothingIsStored() throws Exception {
        Portal.chooseLanguage(browser, "ru");
        Portal.signInWithEgov(browser, "800416100255");

        browser.awaitUrlContains("/login-refused");
        assertThat(browser.text(By.id("refusedHeading"))).isEqualTo("Не удалось выполнить вход");
        assertThat(browser.text(By.id("refusalReason"))).contains("ИИН");
        browser.screenshot("login-refused-ru");
        assertThat(Database.count("select count(*) from citizen where iin = ?", "800416100255")).isZero();

        // The session is gone: the cabinet asks for a login again.
        browser.open(PORTAL + "/cabinet/");
        browser.awaitUrlContains("/realms/");
    }

    @Test
    public void aCitizenIsForbiddenTheStaffPages() {
        Portal.signInWithEgov(browser, "800416100254");
        browser.awaitUrlContains("/cabinet");

        browser.open(PORTAL + "/staff/");

        assertThat(browser.text(By.id("errorHeading"))).isNotBlank();
        assertThat(browser.pageSource()).doesNotContain("staffUsername");
    }

    @Test
    public void aDistrictModeratorReachesTheStaffPageWithTheirTerritory() {
        Portal.chooseLanguage(browser, "en");
        Portal.signInAsStaff(browser, "moderator.bostandyk");
        browser.awaitUrlContains("/staff");

        assertThat(browser.text(By.id("staffUsername"))).isEqualTo("moderator.bostandyk");
        assertThat(browser.text(By.id("scopePath"))).isEqualTo("Almaty › Bostandyk District");
        assertThat(browser.pageSource()).contains("Moderator");
        browser.screenshot("staff-moderator-en");

        browser.open(PORTAL + "/admin/staff.xhtml");
        assertThat(browser.text(By.id("errorHeading"))).isEqualTo("Access denied");
    }

    @Test
    public void anAdminImportsAClassifierEditionAndABadFileChangesNothing() throws Exception {
        Portal.chooseLanguage(browser, "en");
        Portal.signInAsStaff(browser, "admin");
        browser.awaitUrlContains("/staff");
        browser.open(PORTAL + "/admin/kato.xhtml");

        java.nio.file.Path bad = java.nio.file.Files.createTempFile("kato-bad-", ".csv");
        java.nio.file.Files.writeString(bad, "te;ab;cd;ef;hij;k;name_kaz;name_rus;nn\n"
                + "790000000;79;00;00;000;1;Шымкент;Шымкент;\n"
                + "79131000X;79;13;10;000;2;Әл-Фараби ауданы;Аль-Фарабийский район;\n");
        browser.type(By.id("katoForm:edition"), "Browser bad edition");
        browser.find(By.cssSelector("input[type='file']")).sendKeys(bad.toString());
        browser.click(By.id("katoForm:upload"));
        // The upload is a full (multipart) post: wait for the answer page, not the page being left.
        browser.await(d -> d.getPageSource().contains("Line 3"));
        assertThat(browser.pageSource()).contains("Line 3");
        browser.screenshot("admin-kato-refused-en");
        assertThat(Database.count("select count(*) from kato_edition where name = ?", "Browser bad edition")).isZero();

        java.nio.file.Path good = java.nio.file.Files.createTempFile("kato-good-", ".csv");
        java.nio.file.Files.writeString(good, "te;ab;cd;ef;hij;k;name_kaz;name_rus;nn\n"
                + "790000000;79;00;00;000;1;Шымкент;Шымкент;\n"
                + "791310000;79;13;10;000;2;Әл-Фараби ауданы;Аль-Фарабийский район;\n");
        browser.type(By.id("katoForm:edition"), "Browser edition " + System.nanoTime());
        browser.find(By.cssSelector("input[type='file']")).sendKeys(good.toString());
        browser.click(By.id("katoForm:upload"));
        browser.await(d -> d.getPageSource().contains("2 units imported"));
        assertThat(browser.text(By.id("globalMessages"))).contains("2 units imported");
        assertThat(Database.count("select count(*) from territory where code = ? and parent_code = ?",
                "791310000", "790000000")).isEqualTo(1);
    }
}
