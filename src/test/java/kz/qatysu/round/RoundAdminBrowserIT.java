package kz.qatysu.round;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qatysu.platform.testing.Database;
import kz.qatysu.platform.testing.Portal;
import kz.qatysu.platform.testing.PortalBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The operators' round pages and the audit log page in headless Chromium, signed in as the demo admin. */
public class RoundAdminBrowserIT extends PortalBrowserTest {

    private void signInAsAdminInEnglish() {
        Portal.chooseLanguage(browser, "en");
        Portal.signInAsStaff(browser, "admin");
    }

    @Test
    public void anAdminCreatesARoundMovesItOnAndFindsTheAuditChainIntact() throws Exception {
        signInAsAdminInEnglish();
        String title = "Браузер раунды " + System.nanoTime();

        browser.click(By.id("adminRoundsLink"));
        browser.type(By.id("newRoundForm:territoryCode_input"), "751410000");
        browser.type(By.id("newRoundForm:titleKk"), title);
        browser.type(By.id("newRoundForm:titleRu"), "Браузерный раунд");
        browser.type(By.id("newRoundForm:descriptionKk"), "Сынақ сипаттамасы.");
        browser.type(By.id("newRoundForm:descriptionRu"), "Тестовое описание.");
        browser.type(By.id("newRoundForm:totalBudget_input"), "250000000");
        browser.screenshot("admin-rounds-new-en");
        browser.click(By.id("newRoundForm:create"));

        browser.awaitUrlContains("/admin/round.xhtml");
        assertThat(browser.text(By.id("globalMessages"))).contains("The round was created");
        assertThat(browser.text(By.id("currentPhase"))).isEqualTo("Drafting");
        assertThat(browser.text(By.id("draftManifest"))).contains("\"total\": 250000000");
        assertThat(Database.count("select count(*) from budget_round where title_kk = ? and territory_code = ?",
                title, "751410000")).isEqualTo(1);

        // The phase step asks for confirmation first.
        browser.click(By.id("phaseForm:advance"));
        browser.await(d -> d.findElement(By.id("phaseForm:confirmYes")).isDisplayed());
        browser.click(By.id("phaseForm:confirmYes"));
        browser.await(d -> d.getPageSource().contains("The round moved to the phase"));
        browser.awaitPageReady();
        assertThat(browser.text(By.id("currentPhase"))).isEqualTo("Proposal submission");
        browser.screenshot("admin-round-en");

        browser.click(By.id("adminRoundsLink"));
        assertThat(browser.text(By.id("rounds"))).contains("Браузерный раунд", "Proposal submission");

        browser.click(By.id("adminAuditLink"));
        browser.click(By.id("verifyForm:verify"));
        browser.await(d -> !d.findElements(By.id("chainIntact")).isEmpty());
        assertThat(browser.text(By.id("chainIntact"))).isEqualTo("The chain is intact.");
        assertThat(Long.parseLong(browser.text(By.id("verifyForm:chainEntries")))).isGreaterThanOrEqualTo(2);
        assertThat(browser.text(By.id("entriesForm:entries"))).contains("round.phase", "round.create", "staff:admin");
        browser.screenshot("admin-audit-en");

        // Filters are GET parameters (bookmarkable); an entry expands to its states before and after.
        browser.open(PORTAL + "/admin/audit.xhtml?entityType=BudgetRound&action=round.phase&actor=staff:admin");
        assertThat(browser.text(By.id("entriesForm:entries"))).contains("round.phase").doesNotContain("round.create");
        browser.click(By.cssSelector("#entriesForm\\:entries .ui-row-toggler"));
        browser.await(d -> !d.findElements(By.cssSelector(".audit-detail")).isEmpty());
        assertThat(browser.text(By.cssSelector(".audit-detail")))
                .contains("\"phase\": \"DRAFTING\"", "\"phase\": \"PROPOSAL_SUBMISSION\"");
    }
}
