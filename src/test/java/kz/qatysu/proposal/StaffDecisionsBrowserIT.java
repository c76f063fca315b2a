package kz.qatysu.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import kz.qatysu.platform.testing.Browser;
import kz.qatysu.platform.testing.Database;
import kz.qatysu.platform.testing.Portal;
import kz.qatysu.platform.testing.PortalBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Moderation and expert review through the staff pages, with the territorial scope enforced by the services: a
 * Bostandyk moderator and reviewer take a proposal from submission to feasible; an Esil moderator is refused a
 * Bostandyk proposal whether by opening its page or by a crafted postback, and nothing changes.
 *
 * <p>Proposals are chosen at test time from the database (any proposal of the territory in the needed status);
 * when earlier tests have used them all up, one is added by copying a proposal of the same territory and round.
 */
public class StaffDecisionsBrowserIT extends PortalBrowserTest {

    private static final String BOSTANDYK = "751410000";
    private static final String ESIL = "711210000";

    @Test
    public void bostandykStaffTakeAProposalFromSubmissionToFeasibleAndTheAuthorIsNotifiedOfEachStep() throws Exception {
        long id = proposalIn(BOSTANDYK, "SUBMITTED");
        String title = text("select title from proposal where id = ?", id);
        long author = number("select author_citizen_id from proposal where id = ?", id);
        long audited = auditEntries(id);
        long notified = number("select count(*) from notification where proposal_id = ?", id);
        List<String> esilTitles = texts("select title from proposal where territory_code = ? and status = 'SUBMITTED'",
                ESIL);

        Portal.chooseLanguage(browser, "en");
        Portal.signInAsStaff(browser, "moderator.bostandyk");
        assertThat(Long.parseLong(browser.text(By.id("count-submitted")))).isEqualTo(
                number("select count(*) from proposal where territory_code like '751410%' and status = 'SUBMITTED'"));
        browser.click(By.cssSelector("#queues a[href*='moderation.xhtml']"));
        assertThat(browser.text(By.id("queueHeading"))).isEqualTo("Moderation queue");
        assertThat(browser.text(By.id("queueForm:proposals"))).contains(title);
        assertThat(esilTitles).isNotEmpty().allSatisfy(esil -> assertThat(browser.pageSource()).doesNotContain(esil));
        browser.screenshot("staff-moderation-queue-en");

        browser.click(By.cssSelector("a[href$='proposal.xhtml?id=" + id + "']"));
        assertThat(browser.text(By.id("proposalTitle"))).isEqualTo(title);
        browser.click(By.id("startModerationForm:startModeration"));
        assertThat(browser.text(By.id("globalMessages"))).contains("taken into moderation");
        assertThat(browser.text(By.id("status"))).isEqualTo("Under moderation");
        browser.click(By.id("acceptForm:accept"));
        assertThat(browser.text(By.id("globalMessages"))).contains("accepted");
        assertThat(status(id)).isEqualTo("ACCEPTED");

        Portal.newVisitor(browser);
        Portal.chooseLanguage(browser, "en");
        Portal.signInAsStaff(browser, "reviewer.bostandyk");
        browser.open(PORTAL + "/staff/review.xhtml?status=ACCEPTED");
        assertThat(browser.text(By.id("queueForm:proposals"))).contains(title);
        browser.click(By.cssSelector("a[href$='proposal.xhtml?id=" + id + "']"));
        browser.click(By.id("startReviewForm:startReview"));
        assertThat(browser.text(By.id("status"))).isEqualTo("Under review");
        long estimate = number("select estimated_cost from proposal where id = ?", id);
        assertThat(browser.find(By.id("feasibleForm:assessedCost")).getDomProperty("value"))
                .isEqualTo(Long.toString(estimate));
        long assessed = estimate - estimate / 20;
        browser.type(By.id("feasibleForm:assessedCost"), Long.toString(assessed));
        browser.type(By.id("feasibleForm:comment"), "Смета проверена.\nLine two <script>alert(1)</script>");
        browser.click(By.id("feasibleForm:markFeasible"));
        assertThat(browser.text(By.id("globalMessages"))).contains("feasible");
        assertThat(browser.text(By.id("status"))).isEqualTo("Feasible");
        // Comments are shown as text: markup stays inert and visible.
        assertThat(browser.text(By.id("history"))).contains("<script>alert(1)</script>");
        browser.screenshot("staff-proposal-feasible-en");

        assertThat(status(id)).isEqualTo("FEASIBLE");
        assertThat(number("select assessed_cost from proposal where id = ?", id)).isEqualTo(assessed);
        assertThat(number("select count(*) from notification where proposal_id = ?", id)).isEqualTo(notified + 4);
        assertThat(number("select count(*) from notification where proposal_id = ? and recipient_id = ?"
                + " and from_status = 'UNDER_REVIEW' and to_status = 'FEASIBLE'", id, author)).isEqualTo(1);
        assertThat(auditEntries(id)).isEqualTo(audited + 4);
        assertThat(texts("select action from audit_entry where entity_type = 'Proposal' and entity_id = ?"
                + " order by sequence desc limit 4", Long.toString(id)))
                .containsExactly("proposal.review.feasible", "proposal.review.start", "proposal.moderation.accept",
                        "proposal.moderation.start");
    }

    @Test
    public void returningForChangesWithoutACommentIsRefusedInTheVisitorsLanguageAndChangesNothing() throws Exception {
        long id = proposalIn(BOSTANDYK, "UNDER_MODERATION");
        long audited = auditEntries(id);
        long changes = number("select count(*) from proposal_status_change where proposal_id = ?", id);

        Portal.chooseLanguage(browser, "ru");
        Portal.signInAsStaff(browser, "moderator.bostandyk");
        browser.open(PORTAL + "/staff/proposal.xhtml?id=" + id);
        browser.click(By.id("returnForm:returnForChanges"));
        assertThat(browser.text(By.id("returnForm:commentMessage"))).isEqualTo("Напишите комментарий для автора.");

        // Blank after cleaning (spaces, a zero-width space): refused by the service's own rule.
        browser.type(By.id("returnForm:comment"), "   \u200b  ");
        browser.click(By.id("returnForm:returnForChanges"));
        assertThat(browser.text(By.id("returnForm:commentMessage"))).isEqualTo("Напишите комментарий для автора.");
        browser.screenshot("staff-return-refused-ru");

        assertThat(status(id)).isEqualTo("UNDER_MODERATION");
        assertThat(auditEntries(id)).isEqualTo(audited);
        assertThat(number("select count(*) from proposal_status_change where proposal_id = ?", id)).isEqualTo(changes);
    }

    @Test
    public void anEsilModeratorIsRefusedABostandykProposalByPageAndByCraftedPostbackAndNothingChanges()
            throws Exception {
        long bostandyk = proposalIn(BOSTANDYK, "SUBMITTED");
        long esil = proposalIn(ESIL, "SUBMITTED");
        String bostandykTitle = text("select title from proposal where id = ?", bostandyk);
        long audited = auditEntries(bostandyk);

        Portal.chooseLanguage(browser, "en");
        Portal.signInAsStaff(browser, "moderator.esil");
        browser.open(PORTAL + "/staff/moderation.xhtml?status=SUBMITTED");
        assertThat(browser.text(By.id("queueForm:proposals")))
                .contains(text("select title from proposal where id = ?", esil))
                .doesNotContain(bostandykTitle);

        browser.open(PORTAL + "/staff/proposal.xhtml?id=" + bostandyk);
        assertThat(browser.text(By.id("errorHeading"))).isEqualTo("Access denied");
        assertThat(browser.pageSource()).doesNotContain(bostandykTitle);
        HttpResponse<Void> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(PORTAL + "/staff/proposal.xhtml?id=" + bostandyk))
                .header("Cookie", "JSESSIONID=" + browser.cookie("JSESSIONID")).build(), BodyHandlers.discarding());
        assertThat(direct.statusCode()).isEqualTo(403);

        // The page of an Esil proposal, its form re-aimed at the Bostandyk proposal before posting.
        browser.open(PORTAL + "/staff/proposal.xhtml?id=" + esil);
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector('#startModerationForm input[name=id]').value = arguments[0];",
                Long.toString(bostandyk));
        browser.click(By.id("startModerationForm:startModeration"));
        assertThat(browser.text(By.id("errorHeading"))).isEqualTo("Access denied");
        browser.screenshot("staff-crafted-postback-forbidden-en");

        assertThat(status(bostandyk)).isEqualTo("SUBMITTED");
        assertThat(auditEntries(bostandyk)).isEqualTo(audited);
        assertThat(status(esil)).isEqualTo("SUBMITTED");
    }

    // ---------------------------------------------------------------- browser

    // ---------------------------------------------------------------- database

    private static String status(long id) throws SQLException {
        return text("select status from proposal where id = ?", id);
    }

    private static long auditEntries(long id) throws SQLException {
        return number("select count(*) from audit_entry where entity_type = 'Proposal' and entity_id = ?",
                Long.toString(id));
    }

    /**
     * A citizen's proposal of the territory in the status (SUBMITTED or UNDER_MODERATION): the oldest there is, or a
     * copy of the territory's first proposal (same round, author, content and cost lines) put into that status.
     */
    private static long proposalIn(String territory, String status) throws SQLException {
        List<String> found = texts("select id from proposal where territory_code = ? and status = ?"
                + " and author_citizen_id is not null order by submitted_at, id limit 1", territory, status);
        if (!found.isEmpty()) {
            return Long.parseLong(found.getFirst());
        }
        try (Connection c = Database.connect()) {
            c.setAutoCommit(false);
            long source = single(c, "select id from proposal where territory_code = ? and author_citizen_id is not null"
                    + " order by id limit 1", territory);
            long id = single(c, "insert into proposal (round_id, territory_code, author_citizen_id, status, title,"
                    + " description, category_code, address_text, estimated_cost, created_at, submitted_at, updated_at)"
                    + " select round_id, territory_code, author_citizen_id, ?, ?, description, category_code,"
                    + " address_text, estimated_cost, now(), now(), now() from proposal where id = ? returning id",
                    status, "Browser test proposal " + System.nanoTime(), source);
            update(c, "insert into proposal_cost_line (proposal_id, line_no, description, quantity, unit_price)"
                    + " select ?, line_no, description, quantity, unit_price from proposal_cost_line"
                    + " where proposal_id = ?",
                    id, source);
            String author = "citizen:" + single(c, "select author_citizen_id from proposal where id = ?", id);
            update(c, "insert into proposal_status_change (proposal_id, seq, from_status, to_status, actor, changed_at)"
                    + " values (?, 0, null, 'DRAFT', ?, now()), (?, 1, 'DRAFT', 'SUBMITTED', ?, now())",
                    id, author, id, author);
            if (status.equals("UNDER_MODERATION")) {
                update(c, "insert into proposal_status_change"
                        + " (proposal_id, seq, from_status, to_status, actor, changed_at)"
                        + " values (?, 2, 'SUBMITTED', 'UNDER_MODERATION', 'staff:moderator.bostandyk', now())", id);
            }
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
        return texts(sql, params).getFirst();
    }

    private static List<String> texts(String sql, Object... params) throws SQLException {
        try (Connection c = Database.connect(); PreparedStatement s = prepare(c, sql, params);
             ResultSet rs = s.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
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
