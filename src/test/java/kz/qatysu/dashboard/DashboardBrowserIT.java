package kz.qatysu.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kz.qatysu.platform.testing.Database;
import kz.qatysu.platform.testing.Portal;
import kz.qatysu.platform.testing.PortalBrowserTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Journey: the ministry analyst drills down from the republic to Almaty and Bostandyk district, every level's turnout
 * table showing the database's counts, and exports the table as XLSX; a moderator of another district who crafts the
 * address of Bostandyk's figures is refused.
 */
class DashboardBrowserIT extends PortalBrowserTest {

    private static final String VOTERS_OF_SUBTREE = "select count(*) from voting_participation vp "
            + "join citizen c on c.id = vp.citizen_id where vp.casts > 0 and c.territory_code like ?";

    /** The turnout table's rows: KATO code → ballots shown. */
    private static Map<String, Long> turnoutShown() {
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("[id='turnoutForm:turnoutTable_data'] tr"));
        java.util.Map<String, Long> shown = new java.util.LinkedHashMap<>();
        for (WebElement row : rows) {
            List<WebElement> code = row.findElements(By.cssSelector(".code"));
            if (!code.isEmpty()) {
                shown.put(code.getFirst().getText().strip(), Long.parseLong(row.findElement(By.cssSelector(".ballots")).getText().strip()));
            }
        }
        return shown;
    }

    private static String prefixPattern(String code) {
        return kz.qatysu.territory.domain.KatoCode.of(code).significantPrefix() + "%";
    }

    @Test
    void analystDrillsDownFromTheRepublicToADistrictAndExportsXlsx() throws Exception {
        Portal.signInAsStaff(browser, "analyst");
        browser.click(By.id("dashboardLink"));
        browser.awaitUrlContains("/staff/dashboard.xhtml");
        assertThat(browser.driver().findElements(By.id("turnoutForm:turnoutChart"))).isNotEmpty();
        Map<String, Long> republic = turnoutShown();
        assertThat(republic).containsKey("750000000");
        for (var e : republic.entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).isEqualTo(Database.count(VOTERS_OF_SUBTREE, prefixPattern(e.getKey())));
        }
        browser.screenshot("dashboard-republic");

        browser.click(By.xpath("//tr[.//*[@class='code' and normalize-space()='750000000']]//a[contains(@class,'drill')]"));
        browser.awaitUrlContains("territory=750000000");
        assertThat(browser.text(By.id("levelName"))).isNotBlank();
        Map<String, Long> almaty = turnoutShown();
        assertThat(almaty).containsKey("751410000");
        assertThat(almaty.get("751410000")).isEqualTo(Database.count(VOTERS_OF_SUBTREE, "751410%"));
        browser.screenshot("dashboard-almaty");

        browser.open(PORTAL + "/staff/dashboard.xhtml?territory=751410000");
        assertThat(turnoutShown().get("751410000")).isEqualTo(Database.count(VOTERS_OF_SUBTREE, "751410%"));
        assertThat(browser.driver().findElements(By.cssSelector("#breadcrumb a.crumb"))).isNotEmpty();
        // Implementation of the district's funded projects: the counts agree with the database.
        assertThat(browser.text(By.id("implementationCounts"))).startsWith("Funded: " + Database.count(
                "select count(*) from proposal where status = 'FUNDED' and territory_code like '751410%'") + ",");
        browser.screenshot("dashboard-bostandyk");

        Path downloads = Files.createTempDirectory("dashboard-export");
        ((ChromeDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        browser.find(By.id("turnoutForm:turnoutXlsx")).click();
        Path file = downloads.resolve("turnout.xlsx");
        long deadline = System.currentTimeMillis() + 20_000;
        while (!Files.exists(file) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(file).exists();
        try (var workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            var sheet = workbook.getSheetAt(0);
            String all = sheet.toString();
            StringBuilder cells = new StringBuilder();
            sheet.forEach(row -> row.forEach(cell -> cells.append(cell.toString()).append('|')));
            assertThat(cells.toString()).contains("Bostandyk District");
            assertThat(all).isNotNull();
        }
    }

    @Test
    void analystSeesABurstOfCastsFromOneNetworkOnTheAnomalyReport() throws Exception {
        long round = Database.count("select id from budget_round where title_ru = ? and phase = 'VOTING'",
                "Бостандык: безопасные улицы 2026");
        // 25 casts from one /24 within a minute, as CastSignals records them (no citizen, no ballot, the minute only).
        try (var c = Database.connect(); var insert = c.prepareStatement("insert into cast_signal (round_id, channel, "
                + "cast_minute, network, device) values (?, 'WEB', date_trunc('minute', now()), '192.0.2.0/24', ?)")) {
            for (int i = 0; i < 25; i++) {
                insert.setLong(1, round);
                insert.setString(2, String.format("%064x", 0xB0A57L + i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Portal.signInAsStaff(browser, "analyst");
        browser.open(PORTAL + "/staff/anomalies.xhtml");
        List<WebElement> bursts = browser.driver().findElements(By.cssSelector("tr.flag-NETWORK_BURST[data-round='" + round + "']"))
                .stream().filter(row -> row.getText().contains("192.0.2.0/24")).toList();
        assertThat(bursts).hasSize(1);
        assertThat(bursts.getFirst().getText()).contains("25").contains("751410000");
        browser.screenshot("anomalies-en");
    }

    @Test
    void aModeratorOfAnotherDistrictCannotCraftTheAddressOfBostandyk() throws Exception {
        Portal.signInAsStaff(browser, "moderator.esil");
        browser.open(PORTAL + "/staff/dashboard.xhtml?territory=751410000");
        assertThat(browser.pageSource()).doesNotContain("turnoutTable");
        assertThat(browser.driver().findElements(By.cssSelector("[id='turnoutForm:turnoutTable']"))).isEmpty();
        browser.screenshot("dashboard-refused");
        browser.open(PORTAL + "/staff/dashboard.xhtml");
        assertThat(turnoutShown()).containsOnlyKeys("711210000");
        browser.screenshot("dashboard-esil");
    }
}
