package kz.qatysu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import kz.qatysu.platform.testing.Database;
import kz.qatysu.platform.testing.Portal;
import kz.qatysu.platform.testing.PortalBrowserTest;
import kz.qatysu.proposal.attachment.domain.AttachmentFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The monitoring journey in Chromium: Bostandyk staff open a funded project of their district, start its monitoring,
 * record a milestone done, the percentage and the money and add a photo — bad figures and a forged photo refused in
 * the visitor's language — and an anonymous visitor then finds all of it on the project's public page, without staff
 * names and with the caption's markup as text. An Esil moderator is refused the Bostandyk project by its page and by a
 * crafted postback, and nothing changes.
 *
 * <p>The funded projects are added at test time by copying a proposal of each district's demo round in moderation
 * and review, with the status FUNDED and an assessed cost (the demo data has no counted round).
 */
public class ImplementationMonitoringBrowserIT extends PortalBrowserTest {

    private static final String BOSTANDYK = "751410000";
    private static final String ESIL = "711210000";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Almaty"));

    @Test
    public void staffUpdateAMilestoneAndItShowsPublicly() throws Exception {
        long id = fundedProject(BOSTANDYK);
        String title = text("select title from proposal where id = ?", id);
        // Within the assessed cost, so that no note is needed.
        long assessed = number("select assessed_cost from proposal where id = ?", id);
        long contracted = assessed - assessed / 10;
        long spent = contracted / 2;
        NumberFormat english = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        Path photo = Files.createTempFile("site-", ".jpg");
        Files.write(photo, AttachmentFixtures.jpegWithExif(320, 200));
        Path forged = Files.createTempFile("forged-", ".png");
        Files.write(forged, AttachmentFixtures.svgWithScript());

        Portal.chooseLanguage(browser, "en");
        Portal.signInAsStaff(browser, "moderator.bostandyk");
        browser.click(By.id("implementationLink"));
        assertThat(browser.text(By.id("implementationHeading"))).isEqualTo("Implementation of funded projects");
        // Other tests fund projects in the district too: the list shows them, so this one may be on a later page.
        assertThat(browser.text(By.id("implementationForm:projects"))).contains("Bostandyk District");
        browser.screenshot("monitoring-staff-list-en");
        browser.open(PORTAL + "/staff/implementation-project.xhtml?id=" + id);
        assertThat(browser.text(By.id("projectTitle"))).isEqualTo(title);
        assertThat(browser.text(By.id("status"))).isEqualTo("Monitoring not started");

        browser.type(By.id("startForm:plannedCompletion_input"), TODAY.plusMonths(4).format(DATE));
        browser.click(By.id("startForm:start"));
        assertThat(browser.text(By.id("globalMessages"))).contains("Monitoring of the project has started.");

        browser.type(By.id("milestoneForm:milestoneTitle"), "Contract signed with the builder");
        browser.type(By.id("milestoneForm:milestonePlannedOn_input"), TODAY.minusDays(1).format(DATE));
        browser.click(By.id("milestoneForm:planMilestone"));
        assertThat(browser.text(By.id("globalMessages"))).contains("The milestone was added.");
        browser.click(By.id("milestonesForm:milestones:0:completeMilestone"));
        assertThat(browser.text(By.id("globalMessages"))).contains("The milestone is marked done.");

        // Bad figures: refused next to the field, in English, and nothing stored.
        long updates = number("select count(*) from implementation_update u join implementation i"
                + " on i.id = u.implementation_id where i.proposal_id = ?", id);
        browser.type(By.id("progressForm:percentDone"), "150");
        browser.type(By.id("progressForm:contracted"), Long.toString(contracted));
        browser.type(By.id("progressForm:spent"), Long.toString(spent));
        browser.click(By.id("progressForm:reportProgress"));
        assertThat(browser.text(By.id("progressForm:percentDoneMessage"))).isEqualTo("Enter a whole percentage from 0 to 100.");
        browser.type(By.id("progressForm:percentDone"), "45");
        browser.type(By.id("progressForm:contracted"), "-" + contracted);
        browser.click(By.id("progressForm:reportProgress"));
        assertThat(browser.text(By.id("progressForm:contractedMessage"))).isEqualTo("Amounts cannot be negative.");
        browser.screenshot("monitoring-refused-figures-en");
        assertThat(number("select percent_done from implementation where proposal_id = ?", id)).isZero();
        assertThat(number("select count(*) from implementation_update u join implementation i"
                + " on i.id = u.implementation_id where i.proposal_id = ?", id)).isEqualTo(updates);

        browser.type(By.id("progressForm:contracted"), Long.toString(contracted));
        browser.click(By.id("progressForm:reportProgress"));
        assertThat(browser.text(By.id("globalMessages"))).contains("Progress and money were saved.");

        // A script named like a photo is refused; a real photo goes in with a caption that carries markup.
        browser.find(By.cssSelector("#photoForm input[type=file]")).sendKeys(forged.toString());
        browser.type(By.id("photoForm:caption"), "Fence");
        browser.click(By.id("photoForm:uploadPhoto"));
        assertThat(browser.text(By.id("photoForm:photoMessage"))).contains("Only photos are accepted");
        browser.find(By.cssSelector("#photoForm input[type=file]")).sendKeys(photo.toString());
        browser.type(By.id("photoForm:caption"), "Site fenced <script>alert(1)</script>");
        browser.click(By.id("photoForm:uploadPhoto"));
        assertThat(browser.text(By.id("globalMessages"))).contains("The photo was added.");
        assertThat(browser.text(By.id("percentDoneText"))).isEqualTo("45 %");
        browser.screenshot("monitoring-staff-editor-en");

        assertThat(number("select percent_done from implementation where proposal_id = ?", id)).isEqualTo(45);
        assertThat(number("select contracted from implementation where proposal_id = ?", id)).isEqualTo(contracted);
        assertThat(number("select spent from implementation where proposal_id = ?", id)).isEqualTo(spent);
        assertThat(number("select count(*) from implementation_photo ph join implementation i"
                + " on i.id = ph.implementation_id where i.proposal_id = ?", id)).isEqualTo(1);
        assertThat(number("select count(*) from audit_entry a join implementation i on a.entity_id = i.id::text"
                + " where a.entity_type = 'Implementation' and i.proposal_id = ?", id)).isEqualTo(5);

        // An anonymous visitor on the public page of the project.
        Portal.newVisitor(browser);
        Portal.chooseLanguage(browser, "en");
        browser.open(PORTAL + "/proposal.xhtml?id=" + id);
        assertThat(browser.text(By.id("implementationHeading"))).isEqualTo("Implementation");
        assertThat(browser.text(By.id("implementationStatus"))).isEqualTo("In progress");
        assertThat(browser.text(By.id("implementationPercent"))).isEqualTo("45 %");
        assertThat(browser.find(By.id("implementationProgress")).getDomAttribute("value")).isEqualTo("45");
        assertThat(plain(browser.text(By.id("implementationContracted")))).isEqualTo(english.format(contracted) + " ₸");
        assertThat(plain(browser.text(By.id("implementationSpent")))).isEqualTo(english.format(spent) + " ₸");
        assertThat(browser.text(By.id("implementationMilestones")))
                .contains("Contract signed with the builder", "done on " + TODAY.format(DATE));
        assertThat(browser.text(By.id("implementationPhotos"))).contains("Site fenced <script>alert(1)</script>");
        assertThat(browser.text(By.id("implementationTimeline")))
                .contains("Photo added", "Progress and money updated", "Milestone done", "Monitoring started", "Akimat");
        assertThat(browser.text(By.id("implementationLastUpdate"))).isNotBlank();
        assertThat(browser.pageSource()).doesNotContain("moderator.bostandyk");
        // The caption's markup is text: no script element came out of it.
        assertThat(browser.driver().findElements(By.cssSelector("#implementation script"))).isEmpty();
        Object loaded = ((JavascriptExecutor) browser.driver()).executeScript(
                "var img = document.querySelector('#implementationPhotos img');"
                        + " return img.complete && img.naturalWidth;");
        assertThat(((Number) loaded).intValue()).isEqualTo(320);
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('implementation').scrollIntoView();");
        browser.screenshot("monitoring-public-timeline-en");

        // The photo itself: an image, not sniffable as anything else, its EXIF gone.
        String src = browser.find(By.cssSelector("#implementationPhotos img")).getDomAttribute("src");
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(PORTAL + src)).build(),
                BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/jpeg"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");

        Portal.chooseLanguage(browser, "kk");
        assertThat(browser.text(By.id("implementationStatus"))).isEqualTo("Орындалуда");
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('implementation').scrollIntoView();");
        browser.screenshot("monitoring-public-timeline-kk");
    }

    @Test
    public void anEsilModeratorIsRefusedABostandykProjectByPageAndByCraftedPostbackAndNothingChanges()
            throws Exception {
        long bostandyk = fundedProject(BOSTANDYK);
        long esil = fundedProject(ESIL);
        String bostandykTitle = text("select title from proposal where id = ?", bostandyk);
        long audited = number("select count(*) from audit_entry where entity_type = 'Implementation'");

        Portal.chooseLanguage(browser, "en");
        Portal.signInAsStaff(browser, "moderator.esil");
        browser.open(PORTAL + "/staff/implementation.xhtml");
        assertThat(browser.text(By.id("implementationForm:projects")))
                .contains(text("select title from proposal where id = ?", esil))
                .doesNotContain(bostandykTitle);

        browser.open(PORTAL + "/staff/implementation-project.xhtml?id=" + bostandyk);
        assertThat(browser.text(By.id("errorHeading"))).isEqualTo("Access denied");
        assertThat(browser.pageSource()).doesNotContain(bostandykTitle);

        // The start form of the Esil project, re-aimed at the Bostandyk project before posting.
        browser.open(PORTAL + "/staff/implementation-project.xhtml?id=" + esil);
        browser.type(By.id("startForm:plannedCompletion_input"), TODAY.plusMonths(2).format(DATE));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector('#startForm input[name=id]').value = arguments[0];", Long.toString(bostandyk));
        browser.click(By.id("startForm:start"));
        assertThat(browser.text(By.id("errorHeading"))).isEqualTo("Access denied");
        browser.screenshot("monitoring-crafted-postback-forbidden-en");

        assertThat(number("select count(*) from implementation where proposal_id in (?, ?)", bostandyk, esil)).isZero();
        assertThat(number("select count(*) from audit_entry where entity_type = 'Implementation'")).isEqualTo(audited);
        // A direct request with the session is refused as well.
        var direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(PORTAL + "/staff/implementation-project.xhtml?id=" + bostandyk))
                .header("Cookie", "JSESSIONID=" + browser.cookie("JSESSIONID")).build(), BodyHandlers.discarding());
        assertThat(direct.statusCode()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- data

    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /**
     * A funded project of the district: a copy (round, author, content, cost lines) of a citizen's proposal of the
     * district's demo round in moderation and review, with status FUNDED, an assessed cost and a short history.
     */
    private static long fundedProject(String territory) throws SQLException {
        try (Connection c = Database.connect()) {
            c.setAutoCommit(false);
            long source = single(c, "select p.id from proposal p join budget_round r on r.id = p.round_id"
                    + " where p.territory_code = ? and p.author_citizen_id is not null"
                    + " and r.phase = 'MODERATION_AND_REVIEW' order by p.id limit 1", territory);
            long id = single(c, "insert into proposal (round_id, territory_code, author_citizen_id, status, title,"
                    + " description, category_code, address_text, estimated_cost, assessed_cost, created_at,"
                    + " submitted_at, updated_at) select round_id, territory_code, author_citizen_id, 'FUNDED', ?,"
                    + " description, category_code, address_text, estimated_cost, estimated_cost, now(), now(), now()"
                    + " from proposal where id = ? returning id",
                    "Funded courtyard " + System.nanoTime(), source);
            update(c, "insert into proposal_cost_line (proposal_id, line_no, description, quantity, unit_price)"
                    + " select ?, line_no, description, quantity, unit_price from proposal_cost_line"
                    + " where proposal_id = ?", id, source);
            String author = "citizen:" + single(c, "select author_citizen_id from proposal where id = ?", id);
            update(c, "insert into proposal_status_change (proposal_id, seq, from_status, to_status, actor, changed_at)"
                    + " values (?, 0, null, 'DRAFT', ?, now()), (?, 1, 'DRAFT', 'SUBMITTED', ?, now()),"
                    + " (?, 2, 'ON_BALLOT', 'FUNDED', 'system:counting', now())", id, author, id, author, id);
            c.commit();
            return id;
        }
    }

    private static long number(String sql, Object... params) throws SQLException {
        try (Connection c = Database.connect()) {
            return single(c, sql, params);
        }
    }

    private static String text(String sql, Object... params) throws SQLException {
        return Database.string(sql, params);
    }

    private static long single(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("No row for: " + sql);
            }
            return rs.getLong(1);
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params)) {
            s.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }
}
