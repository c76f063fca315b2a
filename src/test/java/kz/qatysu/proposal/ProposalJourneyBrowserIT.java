package kz.qatysu.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import kz.qatysu.platform.testing.Database;
import kz.qatysu.platform.testing.Portal;
import kz.qatysu.platform.testing.PortalBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The whole first half of participatory budgeting in Chromium, as its users do it: a resident proposes a project
 * with a photo through the three-step wizard; the Bostandyk moderator accepts it; the expert council finds it
 * feasible at an assessed cost; anyone then finds it in the public list with that cost and downloads the photo; the
 * author reads every step in the cabinet's notifications.
 */
public class ProposalJourneyBrowserIT extends PortalBrowserTest {

    private static final String RESIDENT = "871130200112";

    private static void newVisitor(String language) {
        Portal.newVisitor(browser);
        Portal.chooseLanguage(browser, language);
    }

    private static String status(long id) throws Exception {
        try (var c = Database.connect(); var s = c.prepareStatement("select status from proposal where id = ?")) {
            s.setLong(1, id);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static long attachments(long proposalId) {
        try {
            return Database.count("select count(*) from proposal_attachment where proposal_id = ?", proposalId);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path photo() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x40);
            }
        }
        Path file = Files.createTempFile("courtyard-", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    public void aResidentsProposalWithAPhotoIsModeratedReviewedAndListedPubliclyWithItsAssessedCost() throws Exception {
        String word = "Qjourney" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String title = "Аулаға орындықтар мен гүлзар " + word;

        // 1. The resident proposes, step by step.
        newVisitor("en");
        Portal.signInWithEgov(browser, RESIDENT);
        browser.awaitUrlContains("/cabinet");
        browser.open(PORTAL + "/cabinet/proposals.xhtml");
        browser.click(By.xpath("//tr[contains(., 'Bostandyk courtyards 2027')]//a[contains(@id, 'propose')]"));
        browser.awaitUrlContains("/cabinet/proposal-edit");
        browser.type(By.id("wizardForm:title"), title);
        browser.type(By.id("wizardForm:description"), "Орындықтар, гүлзар және жарық.\nСкамейки, клумбы и свет во дворе.");
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('wizardForm:category_input').value = 'parks';");
        browser.type(By.id("wizardForm:address"), "Жандосов көшесі, 60");
        browser.type(By.id("wizardForm:lines:0:lineDescription"), "Орындықтар / Скамейки");
        browser.type(By.id("wizardForm:lines:0:lineQuantity"), "10");
        browser.type(By.id("wizardForm:lines:0:lineUnitPrice"), "180000");
        browser.click(By.id("wizardForm:save"));
        browser.awaitUrlContains("/cabinet/proposal-attachments");
        long id = Long.parseLong(browser.currentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
        assertThat(status(id)).isEqualTo("DRAFT");

        browser.find(By.cssSelector("#uploadForm input[type=file]")).sendKeys(photo().toString());
        browser.click(By.id("uploadForm:upload"));
        browser.await(d -> attachments(id) == 1 && d.getCurrentUrl().contains("id=" + id)
                && !d.findElements(By.id("listForm:attachments")).isEmpty());
        browser.awaitPageReady();
        assertThat(browser.text(By.id("listForm:attachments"))).contains(".png");
        browser.screenshot("journey-attachments-en");

        browser.click(By.id("nextStep"));
        browser.awaitUrlContains("/cabinet/proposal-submit");
        assertThat(browser.text(By.id("summaryTitle"))).isEqualTo(title);
        assertThat(browser.text(By.id("summaryTotal"))).contains("1,800,000");
        browser.click(By.id("submitForm:submit"));
        browser.awaitUrlContains("/cabinet/proposals");
        assertThat(browser.text(By.id("globalMessages"))).contains("submitted");
        assertThat(status(id)).isEqualTo("SUBMITTED");

        // 2. The moderator of Bostandyk accepts it.
        newVisitor("en");
        Portal.signInAsStaff(browser, "moderator.bostandyk");
        browser.open(PORTAL + "/staff/proposal.xhtml?id=" + id);
        browser.click(By.id("startModerationForm:startModeration"));
        browser.click(By.id("acceptForm:accept"));
        assertThat(browser.text(By.id("status"))).isEqualTo("Accepted");

        // 3. The expert council finds it feasible at a lower cost.
        newVisitor("en");
        Portal.signInAsStaff(browser, "reviewer.bostandyk");
        browser.open(PORTAL + "/staff/proposal.xhtml?id=" + id);
        browser.click(By.id("startReviewForm:startReview"));
        browser.type(By.id("feasibleForm:assessedCost"), "1650000");
        browser.type(By.id("feasibleForm:comment"), "Смета тексерілді / Смета проверена");
        browser.click(By.id("feasibleForm:markFeasible"));
        assertThat(browser.text(By.id("status"))).isEqualTo("Feasible");
        assertThat(status(id)).isEqualTo("FEASIBLE");

        // 4. Anyone finds it, with the assessed cost, and can download the photo as an attachment.
        newVisitor("en");
        browser.open(PORTAL + "/proposals.xhtml?q=" + word);
        assertThat(browser.text(By.id("resultsForm:proposals"))).contains(title).contains("1,650,000");
        browser.click(By.xpath("//a[contains(., '" + word + "')]"));
        browser.awaitUrlContains("/proposal.xhtml");
        assertThat(browser.text(By.id("assessedCost"))).contains("1,650,000");
        assertThat(browser.text(By.id("status"))).isEqualTo("Feasible");
        browser.screenshot("journey-public-proposal-en");
        long attachment = Database.count("select id from proposal_attachment where proposal_id = ?", id);
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(PORTAL + "/attachments/" + attachment)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        assertThat(download.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

        // 5. The author was told of every step.
        newVisitor("en");
        Portal.signInWithEgov(browser, RESIDENT);
        browser.awaitUrlContains("/cabinet");
        browser.open(PORTAL + "/cabinet/notifications.xhtml");
        assertThat(browser.text(By.id("notifications")))
                .contains("The expert council found proposal No. " + id + " feasible.")
                .contains("Proposal No. " + id + " was accepted by the moderator.")
                .contains("Смета тексерілді / Смета проверена");
        browser.screenshot("journey-notifications-en");
    }
}
