package kz.qatysu.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.qatysu.citizen.domain.SyntheticIins;
import kz.qatysu.platform.testing.Database;
import kz.qatysu.platform.testing.Portal;
import kz.qatysu.platform.testing.PortalBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Paper ballots through their page: the Bostandyk moderator enters a ballot, the operator enters it again blind, and
 * only then it counts; the pages render in each language.
 */
public class PaperBallotsBrowserIT extends PortalBrowserTest {

    private static long demoRound() throws Exception {
        return Database.count("select id from budget_round where title_ru = ? and phase = 'VOTING'",
                "Бостандык: безопасные улицы 2026");
    }

    private static void enter(String form, String serial, String iin) {
        browser.type(By.id(form + ":serial"), serial);
        browser.type(By.id(form + ":iin"), iin);
        browser.type(By.id(form + ":surname"), "Қағазов");
        browser.type(By.id(form + ":givenName"), "Бюллетень");
        browser.type(By.id(form + ":residenceCode"), "751410000");
        browser.click(By.cssSelector("label[for='" + form + ":approved:1']"));
        browser.click(By.id(form + ":" + ("firstForm".equals(form) ? "enterFirst" : "enterAgain")));
    }

    @Test
    public void aPaperBallotEnteredByTwoStaffMembersCounts() throws Exception {
        long round = demoRound();
        String iin = SyntheticIins.next();
        String serial = "BR-" + System.nanoTime() % 1_000_000_000L;
        Portal.chooseLanguage(browser, "en");
        Portal.signInAsStaff(browser, "moderator.bostandyk");
        browser.click(By.id("paperBallotsLink"));
        browser.click(By.linkText("Bostandyk: safe streets 2026"));
        browser.awaitUrlContains("round=" + round);

        enter("firstForm", serial, iin);
        browser.awaitPageReady();
        assertThat(browser.text(By.id("globalMessages"))).contains(serial).contains("another staff member");
        assertThat(browser.text(By.id("ballotsForm"))).contains(serial).doesNotContain("Қағазов");
        assertThat(Database.count("select count(*) from voting_participation p join citizen c on c.id = p.citizen_id "
                + "where p.round_id = ? and c.iin = ?", round, iin)).isZero();
        browser.screenshot("paper-first-entry-en");

        Portal.newVisitor(browser);
        Portal.chooseLanguage(browser, "en");
        Portal.signInAsStaff(browser, "admin");
        browser.open(PORTAL + "/staff/paper-ballots.xhtml?round=" + round);
        enter("secondForm", serial.toLowerCase(), iin);
        browser.awaitPageReady();
        assertThat(browser.text(By.id("globalMessages"))).contains(serial).contains("counted");
        assertThat(Database.count("select count(*) from voting_participation p join citizen c on c.id = p.citizen_id "
                + "where p.round_id = ? and c.iin = ? and p.channel = 'PAPER' and p.casts = 1", round, iin)).isEqualTo(1);
        browser.screenshot("paper-confirmed-en");
    }

    @Test
    public void thePaperBallotPagesRenderInEachLanguage() throws Exception {
        long round = demoRound();
        Portal.signInAsStaff(browser, "admin");
        for (String language : List.of("kk", "ru", "en")) {
            Portal.chooseLanguage(browser, language);
            for (String page : List.of("/staff/paper-ballots.xhtml", "/staff/paper-ballots.xhtml?round=" + round,
                    "/admin/round.xhtml?id=" + round, "/staff/anomalies.xhtml", "/staff/comparison.xhtml",
                    "/staff/dashboard.xhtml")) {
                browser.open(PORTAL + page);
                assertThat(browser.driver().findElements(By.id("errorHeading"))).as(language + " " + page).isEmpty();
                assertThat(browser.pageSource()).as(language + " " + page).doesNotContain("???")
                        .doesNotContain("#{");
            }
        }
    }
}
