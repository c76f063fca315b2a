package kz.qatysu.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import kz.qatysu.platform.testing.Database;
import kz.qatysu.platform.testing.Portal;
import kz.qatysu.platform.testing.PortalBrowserTest;
import kz.qatysu.voting.domain.MerkleTree;
import kz.qatysu.voting.domain.Receipt;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * Citizens vote on the web in Chromium: the approval, knapsack and cumulative ballots of the demo rounds with their
 * live totals, review and cast, the receipt, a change of mind; the ineligible voter; the cabinet's reminder; forged
 * posts that change nothing; and, on a round of its own that the test closes as the operator, the public receipt
 * check. Counts are read from the database at test time (other tests may have voted too).
 */
public class VotingBrowserIT extends PortalBrowserTest {

    private static final String BOSTANDYK_RESIDENT = "800416100254";
    private static final String BOSTANDYK_NEIGHBOUR = "871130200112";
    private static final String BOSTANDYK_THIRD = "800101100013";
    private static final String ESIL_RESIDENT = "750505200024";

    private static final String BOSTANDYK_ROUND = "Бостандык: безопасные улицы 2026";
    private static final String ESIL_ROUND = "Есиль: зелёные дворы 2026";
    private static final String ALMATY_ROUND = "Алматы: спорт во дворах 2026";

    private static final String RECEIPT = "([0-9a-f]{8} ){7}[0-9a-f]{8}";

    // ---------------------------------------------------------------- helpers

    private static void signIn(String iin) {
        Portal.newVisitor(browser);
        Portal.chooseLanguage(browser, "en");
        Portal.signInWithEgov(browser, iin);
        browser.awaitUrlContains("/cabinet");
    }

    private static long round(String titleRu) throws Exception {
        return Database.count("select id from budget_round where title_ru = ?", titleRu);
    }

    private static long ballots(long roundId) throws Exception {
        return Database.count("select count(*) from ballot where round_id = ?", roundId);
    }

    private static long superseded(long roundId) throws Exception {
        return Database.count("select count(*) from ballot where round_id = ? and superseded_at is not null", roundId);
    }

    private static long casts(long roundId, String iin) throws Exception {
        return Database.count("select coalesce(sum(p.casts), 0) from voting_participation p join citizen c "
                + "on c.id = p.citizen_id where p.round_id = ? and c.iin = ?", roundId, iin);
    }

    private static void openBallot(long roundId) {
        browser.open(PORTAL + "/cabinet/ballot.xhtml?round=" + roundId);
    }

    private static List<WebElement> picks() {
        browser.find(By.id("ballotForm"));
        return browser.driver().findElements(By.cssSelector("input.ballot-pick"));
    }

    private static void setPicked(int index, boolean picked) {
        WebElement box = picks().get(index);
        if (box.isSelected() != picked) {
            box.click();
        }
    }

    private static void typePoints(int index, String points) {
        browser.find(By.id("ballotForm"));
        WebElement input = browser.driver().findElements(By.cssSelector("input.ballot-points")).get(index);
        input.clear();
        input.sendKeys(points);
    }

    /** Clicks a button that posts the whole page and waits for the element the answer must hold. */
    private static void post(By button, By expected) {
        browser.find(button).click();
        browser.await(d -> !d.findElements(expected).isEmpty());
        browser.awaitPageReady();
    }

    private static void awaitMessage(String text) {
        // The page may still be the one the click left: its elements go stale as the answer arrives.
        browser.await(d -> {
            try {
                return d.findElement(By.id("globalMessages")).getText().contains(text);
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
        browser.awaitPageReady();
    }

    private static String receipt() {
        String code = browser.text(By.id("receiptCode"));
        assertThat(code).matches(RECEIPT);
        return code;
    }

    // ---------------------------------------------------------------- journeys

    @Test
    public void aResidentVotesForTwoProjectsAfterTooManyAreRefusedAndThenChangesTheBallot() throws Exception {
        long roundId = round(BOSTANDYK_ROUND);
        signIn(BOSTANDYK_RESIDENT);
        long before = ballots(roundId);
        long castsBefore = casts(roundId, BOSTANDYK_RESIDENT);
        long supersededBefore = superseded(roundId);

        // From the public round page to the ballot.
        browser.open(PORTAL + "/round.xhtml?id=" + roundId);
        browser.click(By.id("voteLink"));
        browser.awaitUrlContains("/cabinet/ballot.xhtml");
        assertThat(browser.text(By.id("roundTitle"))).isEqualTo("Bostandyk: safe streets 2026");
        assertThat(browser.text(By.id("rule"))).contains("Choose from 1 to 3 projects");
        if (!browser.driver().findElements(By.id("changeForm:changeBallot")).isEmpty()) {
            post(By.id("changeForm:changeBallot"), By.id("ballotForm"));
        }
        List<WebElement> boxes = picks();
        assertThat(boxes).hasSize(5);

        // Four picks: the live counter says so, the review refuses, nothing is stored.
        for (int i = 0; i < 4; i++) {
            setPicked(i, true);
        }
        setPicked(4, false);
        assertThat(browser.text(By.id("picksCount"))).contains("Too many: 4 chosen, at most 3");
        browser.find(By.id("ballotForm:review")).click();
        awaitMessage("Choose at most 3 projects.");
        browser.screenshot("ballot-too-many-en");
        assertThat(ballots(roundId)).isEqualTo(before);

        // Two picks: review, then cast.
        setPicked(2, false);
        setPicked(3, false);
        assertThat(browser.text(By.id("picksCount"))).contains("2 chosen, at most 3");
        post(By.id("ballotForm:review"), By.id("reviewHeading"));
        assertThat(browser.driver().findElements(By.cssSelector("#reviewChoice li"))).hasSize(2);
        assertThat(browser.text(By.id("reviewTotal"))).contains("2 projects");
        assertThat(ballots(roundId)).isEqualTo(before);
        post(By.id("reviewForm:cast"), By.id("receiptCode"));
        awaitMessage("Your ballot was cast");
        String first = receipt();
        assertThat(browser.text(By.id("currentVersion"))).isEqualTo(String.valueOf(castsBefore + 1));
        assertThat(browser.text(By.id("currentChannel"))).isEqualTo("on the web portal");
        assertThat(browser.driver().findElements(By.cssSelector("#currentChoice li"))).hasSize(2);
        browser.screenshot("ballot-receipt-en");
        assertThat(ballots(roundId)).isEqualTo(before + 1);

        // The cabinet lists the round as voted.
        browser.open(PORTAL + "/cabinet/index.xhtml");
        assertThat(browser.text(By.id("votingRounds"))).contains("Bostandyk: safe streets 2026", "You voted — change");

        // A change of mind: a third project; the new ballot counts, with a new receipt.
        openBallot(roundId);
        post(By.id("changeForm:changeBallot"), By.id("ballotForm"));
        assertThat(picks().stream().filter(WebElement::isSelected).count()).isEqualTo(2);
        setPicked(4, true);
        post(By.id("ballotForm:review"), By.id("reviewHeading"));
        assertThat(browser.text(By.id("reviewReplaces"))).contains("replace");
        post(By.id("reviewForm:cast"), By.id("receiptCode"));
        awaitMessage("Your ballot was changed");
        String second = receipt();
        assertThat(second).isNotEqualTo(first);
        assertThat(browser.text(By.id("currentVersion"))).isEqualTo(String.valueOf(castsBefore + 2));
        assertThat(browser.driver().findElements(By.cssSelector("#currentChoice li"))).hasSize(3);
        assertThat(ballots(roundId)).isEqualTo(before + 2);
        assertThat(superseded(roundId)).isEqualTo(supersededBefore + 1);
        assertThat(casts(roundId, BOSTANDYK_RESIDENT)).isEqualTo(castsBefore + 2);
    }

    @Test
    public void theKnapsackBallotShowsTheBudgetSpentAsBoxesAreTickedAndRefusesAnOverBudgetChoice() throws Exception {
        long roundId = round(ESIL_ROUND);
        signIn(ESIL_RESIDENT);
        long before = ballots(roundId);
        openBallot(roundId);
        assertThat(browser.text(By.id("rule"))).contains("40,000,000");
        if (!browser.driver().findElements(By.id("changeForm:changeBallot")).isEmpty()) {
            post(By.id("changeForm:changeBallot"), By.id("ballotForm"));
        }
        for (int i = 0; i < picks().size(); i++) {
            setPicked(i, false);
        }
        String empty = browser.text(By.id("budgetText"));
        assertThat(empty).startsWith("Spent 0").contains("of 40,000,000");

        setPicked(0, true);
        String one = browser.text(By.id("budgetText"));
        assertThat(one).isNotEqualTo(empty).startsWith("Spent").contains("of 40,000,000");
        long cost = Long.parseLong(picks().get(0).getAttribute("data-cost"));
        assertThat(one.replaceAll("[^0-9]", "")).startsWith(String.valueOf(cost));
        assertThat(browser.find(By.id("budgetBar")).getAttribute("value")).isEqualTo(String.valueOf(cost));

        // All five cost 42.8 M: over the 40 M budget, in the bar's text and at the review.
        for (int i = 1; i < 5; i++) {
            setPicked(i, true);
        }
        assertThat(browser.text(By.id("budgetText"))).startsWith("Over the budget").contains("42,800,000");
        browser.screenshot("ballot-knapsack-over-en");
        browser.find(By.id("ballotForm:review")).click();
        awaitMessage("more than the budget");
        assertThat(ballots(roundId)).isEqualTo(before);

        setPicked(4, false);
        assertThat(browser.text(By.id("budgetText"))).startsWith("Spent");
        post(By.id("ballotForm:review"), By.id("reviewHeading"));
        assertThat(browser.text(By.id("reviewTotal"))).contains("4 projects");
        post(By.id("reviewForm:cast"), By.id("receiptCode"));
        receipt();
        assertThat(ballots(roundId)).isEqualTo(before + 1);
    }

    @Test
    public void theCumulativeBallotCountsThePointsLeftAndCastsTheDistribution() throws Exception {
        long roundId = round(ALMATY_ROUND);
        signIn(BOSTANDYK_NEIGHBOUR);
        long before = ballots(roundId);
        openBallot(roundId);
        assertThat(browser.text(By.id("rule"))).contains("You have 10 points", "at most 5 points to one project");
        if (!browser.driver().findElements(By.id("changeForm:changeBallot")).isEmpty()) {
            post(By.id("changeForm:changeBallot"), By.id("ballotForm"));
        }
        for (int i = 0; i < 4; i++) {
            typePoints(i, "0");
        }
        assertThat(browser.text(By.id("pointsLeft"))).isEqualTo("10 of 10 points left");
        typePoints(0, "5");
        assertThat(browser.text(By.id("pointsLeft"))).isEqualTo("5 of 10 points left");
        typePoints(1, "6");
        assertThat(browser.text(By.id("pointsLeft"))).startsWith("Too many points: 11 given");
        browser.find(By.id("ballotForm:review")).click();
        awaitMessage("At most 5 points may go to one project.");
        assertThat(ballots(roundId)).isEqualTo(before);

        typePoints(1, "3");
        typePoints(2, "2");
        assertThat(browser.text(By.id("pointsLeft"))).isEqualTo("0 of 10 points left");
        browser.screenshot("ballot-cumulative-en");
        post(By.id("ballotForm:review"), By.id("reviewHeading"));
        assertThat(browser.text(By.id("reviewTotal"))).contains("10 of 10 points given");
        assertThat(browser.driver().findElements(By.cssSelector("#reviewChoice li"))).hasSize(3);
        post(By.id("reviewForm:cast"), By.id("receiptCode"));
        receipt();
        assertThat(browser.text(By.id("currentChoice"))).contains("5 points", "3 points", "2 points");
        assertThat(ballots(roundId)).isEqualTo(before + 1);
    }

    @Test
    public void aVoterFromAnotherDistrictSeesWhyAndGetsNoForm() throws Exception {
        long roundId = round(BOSTANDYK_ROUND);
        signIn(ESIL_RESIDENT);
        openBallot(roundId);
        assertThat(browser.text(By.id("ineligibleReason"))).contains("Only residents of the round's territory may vote");
        assertThat(browser.driver().findElements(By.id("ballotForm"))).isEmpty();
        browser.screenshot("ballot-ineligible-en");
        assertThat(casts(roundId, ESIL_RESIDENT)).isZero();

        browser.open(PORTAL + "/cabinet/ballot.xhtml?round=999999999");
        assertThat(browser.text(By.id("errorHeading"))).isEqualTo("Page not found");
    }

    @Test
    public void aBallotOpenedButNotCastEarnsAReminderInTheCabinet() throws Exception {
        long roundId = round(BOSTANDYK_ROUND);
        signIn(BOSTANDYK_THIRD);
        openBallot(roundId);
        browser.find(By.id("ballotForm"));
        browser.open(PORTAL + "/cabinet/index.xhtml");
        assertThat(browser.text(By.id("ballotReminders")))
                .contains("You have not finished voting", "Bostandyk: safe streets 2026");
        browser.screenshot("cabinet-reminder-en");
        browser.click(By.cssSelector("#ballotReminders a[id$='finishBallot']"));
        browser.awaitUrlContains("/cabinet/ballot.xhtml");
        assertThat(browser.currentUrl()).contains("round=" + roundId);
    }

    @Test
    public void forgedPostsOfTheBallotChangeNothing() throws Exception {
        long roundId = round(ALMATY_ROUND);
        signIn(BOSTANDYK_THIRD);
        openBallot(roundId);
        if (!browser.driver().findElements(By.id("changeForm:changeBallot")).isEmpty()) {
            post(By.id("changeForm:changeBallot"), By.id("ballotForm"));
        }
        for (int i = 0; i < 4; i++) {
            typePoints(i, i == 0 ? "4" : "0");
        }
        post(By.id("ballotForm:review"), By.id("reviewHeading"));
        long ballotsBefore = ballots(roundId);
        long castsBefore = casts(roundId, BOSTANDYK_THIRD);

        // The cast button's post, sent by script with a tampered view state, without one, and without the session.
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('reviewForm');
                const body = (viewState) => {
                    const data = new URLSearchParams(new FormData(form));
                    data.set('reviewForm:cast', '');
                    if (viewState === null) { data.delete('jakarta.faces.ViewState'); } else { data.set('jakarta.faces.ViewState', viewState); }
                    return data;
                };
                const real = form.querySelector("input[name='jakarta.faces.ViewState']").value;
                const send = (viewState, credentials) => fetch(form.action, {method: 'POST', body: body(viewState),
                        credentials: credentials, redirect: 'manual'}).then(r => r.status + ':' + r.type, e => 'error:' + e);
                Promise.all([
                    send(real.replace(/[0-9]/g, d => String((Number(d) + 1) % 10)), 'same-origin'),
                    send('-1234567890123456789:-987654321', 'same-origin'),
                    send(null, 'same-origin'),
                    send(real, 'omit')
                ]).then(all => done({tampered: all[0], invented: all[1], missing: all[2], otherSession: all[3]}));
                """);
        // Unknown view states are sent to the "page expired" page (a redirect, not an error).
        assertThat(answers.get("tampered")).isEqualTo("0:opaqueredirect");
        assertThat(answers.get("invented")).isEqualTo("0:opaqueredirect");
        assertThat(ballots(roundId)).isEqualTo(ballotsBefore);
        assertThat(casts(roundId, BOSTANDYK_THIRD)).isEqualTo(castsBefore);

        // The real button still works: the page was not broken by the forgeries.
        post(By.id("reviewForm:cast"), By.id("receiptCode"));
        assertThat(ballots(roundId)).isEqualTo(ballotsBefore + 1);
    }

    @Test
    public void afterTheCloseReceiptsShowCountedSupersededAndUnknown() throws Exception {
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        long roundId = VotingFixtures.approvalRoundInVoting("Алматы: тест квитанций " + suffix,
                "Almaty: receipts test " + suffix);

        // Before the close: the page says when receipts are published.
        Portal.newVisitor(browser);
        Portal.chooseLanguage(browser, "en");
        browser.open(PORTAL + "/receipt.xhtml?round=" + roundId);
        assertThat(browser.text(By.id("notPublished"))).contains("published when voting closes");

        // A resident votes, then changes the ballot.
        signIn(BOSTANDYK_RESIDENT);
        openBallot(roundId);
        setPicked(0, true);
        post(By.id("ballotForm:review"), By.id("reviewHeading"));
        post(By.id("reviewForm:cast"), By.id("receiptCode"));
        String first = receipt();
        post(By.id("changeForm:changeBallot"), By.id("ballotForm"));
        setPicked(1, true);
        post(By.id("ballotForm:review"), By.id("reviewHeading"));
        post(By.id("reviewForm:cast"), By.id("receiptCode"));
        String second = receipt();
        assertThat(browser.text(By.id("currentVersion"))).isEqualTo("2");
        browser.open(PORTAL + "/receipt.xhtml?round=" + roundId + "&code=" + second.replace(' ', '-'));
        awaitMessage("Receipts are published when voting in the round closes");

        // The operator closes voting.
        Portal.newVisitor(browser);
        Portal.chooseLanguage(browser, "en");
        Portal.signInAsStaff(browser, "admin");
        browser.open(PORTAL + "/admin/round.xhtml?id=" + roundId);
        browser.click(By.id("phaseForm:advance"));
        browser.await(d -> d.findElement(By.id("phaseForm:confirmYes")).isDisplayed());
        browser.click(By.id("phaseForm:confirmYes"));
        browser.await(d -> d.getPageSource().contains("The round moved to the phase"));
        assertThat(Database.count("select count(*) from receipt_publication where round_id = ?", roundId)).isEqualTo(1);

        // Anyone checks receipts.
        Portal.newVisitor(browser);
        Portal.chooseLanguage(browser, "en");
        browser.open(PORTAL + "/receipt.xhtml?round=" + roundId);
        long counted = Database.count("select count(*) from ballot where round_id = ? and superseded_at is null", roundId);
        assertThat(browser.text(By.id("countedCount"))).isEqualTo(String.valueOf(counted));
        String root = browser.text(By.id("merkleRoot"));
        assertThat(root).matches("[0-9a-f]{64}");
        assertThat(browser.find(By.id("countedList")).getAttribute("href"))
                .endsWith("/api/v1/rounds/" + roundId + "/receipts");

        browser.type(By.id("code"), second);
        browser.find(By.id("checkButton")).click();
        browser.await(d -> !d.findElements(By.id("resultHeading")).isEmpty());
        assertThat(browser.text(By.id("resultHeading"))).isEqualTo("Counted");
        int index = Integer.parseInt(browser.text(By.id("leafIndex")));
        List<String> path = browser.driver().findElements(By.cssSelector("#auditPath li")).stream()
                .map(WebElement::getText).toList();
        String code = second.replace(" ", "");
        assertThat(browser.text(By.id("receiptHash"))).isEqualTo(Receipt.publishedHashOf(code));
        assertThat(MerkleTree.verify(Receipt.publishedHashOf(code), index, (int) counted, path, root)).isTrue();
        browser.screenshot("receipt-counted-en");

        browser.open(PORTAL + "/receipt.xhtml?round=" + roundId + "&code=" + first.replace(" ", ""));
        assertThat(browser.text(By.id("resultHeading"))).isEqualTo("Replaced by a later ballot");
        assertThat(browser.text(By.id("resultText"))).contains("a later ballot of yours counts instead");

        byte[] random = new byte[32];
        ThreadLocalRandom.current().nextBytes(random);
        browser.open(PORTAL + "/receipt.xhtml?round=" + roundId + "&code=" + HexFormat.of().formatHex(random));
        assertThat(browser.text(By.id("resultHeading"))).isEqualTo("Unknown receipt");

        browser.open(PORTAL + "/receipt.xhtml?round=" + roundId + "&code=%3Cscript%3Ealert(1)%3C/script%3E");
        awaitMessage("A receipt code is 64 characters");
        assertThat(browser.driver().findElements(By.id("resultHeading"))).isEmpty();
        assertThat(browser.find(By.id("code")).getAttribute("value")).isEmpty();

        // The voter's ballot page now says voting is closed and still shows the receipt.
        signIn(BOSTANDYK_RESIDENT);
        openBallot(roundId);
        assertThat(browser.text(By.id("closed"))).contains("Voting in this round is closed");
        assertThat(receipt()).isEqualTo(second);
        assertThat(browser.driver().findElements(By.id("changeForm"))).isEmpty();

        // Not counted yet: no results page.
        assertThat(status(PORTAL + "/results.xhtml?id=" + roundId)).isEqualTo(404);

        // The operator counts the round (close-round from the jobs page) and publishes its results.
        Portal.newVisitor(browser);
        Portal.chooseLanguage(browser, "en");
        Portal.signInAsStaff(browser, "admin");
        browser.open(PORTAL + "/admin/jobs.xhtml");
        browser.click(By.cssSelector("input.start-job[data-job='close-round']"));
        browser.await(d -> {
            try {
                return Database.count("select count(*) from round_outcome where round_id = ?", roundId) == 1;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(status(PORTAL + "/results/protocol?round=" + roundId)).as("counted, not yet published")
                .isEqualTo(404);
        browser.open(PORTAL + "/admin/round.xhtml?id=" + roundId);
        if (browser.text(By.id("currentPhase")).equals("Counting")) {
            browser.click(By.id("phaseForm:advance"));
            browser.await(d -> d.findElement(By.id("phaseForm:confirmYes")).isDisplayed());
            browser.click(By.id("phaseForm:confirmYes"));
            browser.await(d -> d.getPageSource().contains("The round moved to the phase"));
        }
        assertThat(browser.text(By.id("currentPhase"))).isEqualTo("Results published");

        // Staff compare the rules on the counted ballots.
        browser.open(PORTAL + "/staff/comparison.xhtml");
        browser.click(By.xpath("//a[contains(@class,'compare-link') and contains(@href,'round=" + roundId + "')]"));
        browser.awaitUrlContains("round=" + roundId);
        assertThat(browser.text(By.id("roundRule"))).isEqualTo("greedy_cost");
        assertThat(Long.parseLong(browser.text(By.id("greedyFunded")))).isEqualTo(Database.count(
                "select count(*) from round_outcome_project where round_id = ? and funded", roundId));
        assertThat(browser.text(By.id("mesSatisfied"))).contains("%");
        assertThat(browser.driver().findElements(By.cssSelector("#projects tbody tr"))).hasSize((int) Database.count(
                "select count(*) from round_outcome_project where round_id = ?", roundId));
        browser.screenshot("rule-comparison-en");

        // A resident opens the results from the round page: what was funded, why, and what to check it against.
        Portal.newVisitor(browser);
        Portal.chooseLanguage(browser, "en");
        browser.open(PORTAL + "/round.xhtml?id=" + roundId);
        browser.click(By.id("resultsLink"));
        browser.awaitUrlContains("/results.xhtml");
        assertThat(browser.text(By.id("ballots"))).isEqualTo(String.valueOf(counted));
        assertThat(browser.text(By.id("merkleRoot"))).isEqualTo(root);
        assertThat(browser.text(By.id("protocolDigest"))).isEqualTo(Database.string(
                "select protocol_digest from round_outcome where round_id = ?", roundId).strip());
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#projects tbody tr"));
        assertThat(rows).hasSize((int) Database.count("select count(*) from round_outcome_project where round_id = ?",
                roundId));
        for (WebElement row : rows) {
            long proposal = Long.parseLong(row.getAttribute("data-proposal"));
            boolean funded = Database.count("select count(*) from round_outcome_project where round_id = ? "
                    + "and proposal_id = ? and funded", roundId, proposal) == 1;
            assertThat(row.findElement(By.cssSelector(".result")).getText())
                    .isEqualTo(funded ? "Funded" : "Not funded");
            assertThat(row.findElement(By.cssSelector(".votes")).getText()).isEqualTo(String.valueOf(
                    Database.count("select votes from round_outcome_project where round_id = ? and proposal_id = ?",
                            roundId, proposal)));
            assertThat(row.findElement(By.cssSelector(".why")).getText())
                    .startsWith(funded ? "Funded in step" : "Not funded:").doesNotContain("{");
        }
        assertThat(browser.text(By.id("fundedCount"))).startsWith(Database.count(
                "select count(*) from round_outcome_project where round_id = ? and funded", roundId) + " of ");
        browser.screenshot("results-en");
        var protocol = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(browser.find(By.id("protocolLink")).getAttribute("href"))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(protocol.statusCode()).isEqualTo(200);
        assertThat(protocol.body()).contains("merkleRoot=\"" + root + "\"").contains("SignatureValue");

        // The receipt check from the results page.
        browser.type(By.id("code"), second);
        browser.click(By.id("checkButton"));
        browser.awaitUrlContains("/receipt.xhtml");
        assertThat(browser.text(By.id("resultHeading"))).isEqualTo("Counted");

        // The same page in Kazakh and Russian.
        for (String language : List.of("kk", "ru")) {
            Portal.chooseLanguage(browser, language);
            browser.open(PORTAL + "/results.xhtml?id=" + roundId);
            assertThat(browser.driver().findElements(By.cssSelector("#projects .why")))
                    .allSatisfy(why -> assertThat(why.getText()).isNotBlank().doesNotContain("{").doesNotContain("results."));
            browser.screenshot("results-" + language);
        }
    }

    private static int status(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A round of this test only, in voting, built in the database (closing a demo round would disturb others). */
    static final class VotingFixtures {

        private VotingFixtures() {
        }

        /** An approval round (1 or 2 picks) of Almaty city with two projects on the ballot, voting since yesterday. */
        static long approvalRoundInVoting(String titleRu, String titleEn) throws Exception {
            try (Connection c = Database.connect()) {
                c.setAutoCommit(false);
                long id;
                try (PreparedStatement s = c.prepareStatement("insert into budget_round (territory_code, title_kk, "
                        + "title_ru, title_en, description_kk, description_ru, description_en, total_budget, zone_id, "
                        + "phase, ballot_kind, ballot_min_picks, ballot_max_picks, allocation_rule, created_by, created_at) "
                        + "values ('750000000', ?, ?, ?, 'Түбіртектерді тексеруге арналған раунд.', "
                        + "'Раунд для проверки квитанций.', 'A round to check receipts.', 50000000, 'Asia/Almaty', "
                        + "'MODERATION_AND_REVIEW', 'APPROVAL', 1, 2, 'greedy_cost', 'voting-browser-it', now() - interval '40 days') "
                        + "returning id")) {
                    s.setString(1, titleRu);
                    s.setString(2, titleRu);
                    s.setString(3, titleEn);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        id = r.getLong(1);
                    }
                }
                String[][] phases = {{"PROPOSAL_SUBMISSION", "-30 days"}, {"MODERATION_AND_REVIEW", "-10 days"},
                        {"VOTING", "-1 days"}, {"COUNTING", "10 days"}, {"RESULTS_PUBLISHED", "12 days"},
                        {"IMPLEMENTATION", "30 days"}};
                for (String[] p : phases) {
                    try (PreparedStatement s = c.prepareStatement("insert into budget_round_phase_start "
                            + "(round_id, phase, starts_at) values (?, ?, date_trunc('day', now()) + ?::interval)")) {
                        s.setLong(1, id);
                        s.setString(2, p[0]);
                        s.setString(3, p[1]);
                        s.executeUpdate();
                    }
                }
                try (PreparedStatement s = c.prepareStatement("insert into budget_round_category "
                        + "(round_id, code, name_kk, name_ru, name_en) values (?, 'sport', 'Спорт', 'Спорт', 'Sport')")) {
                    s.setLong(1, id);
                    s.executeUpdate();
                }
                long author = Database.count("select min(id) from citizen");
                String[][] projects = {{"Аулаға турник / Турник во дворе", "2000000"},
                        {"Баскетбол себеті / Баскетбольное кольцо", "3000000"}};
                for (String[] p : projects) {
                    long proposal;
                    try (PreparedStatement s = c.prepareStatement("insert into proposal (round_id, territory_code, "
                            + "author_citizen_id, status, title, description, category_code, address_text, "
                            + "estimated_cost, assessed_cost, created_at, submitted_at, updated_at) values (?, '751410000', ?, "
                            + "'ON_BALLOT', ?, ?, 'sport', 'Жандосов көшесі, 60', ?, ?, now() - interval '20 days', "
                            + "now() - interval '20 days', now() - interval '2 days') returning id")) {
                        s.setLong(1, id);
                        s.setLong(2, author);
                        s.setString(3, p[0]);
                        s.setString(4, p[0] + ".");
                        s.setLong(5, Long.parseLong(p[1]));
                        s.setLong(6, Long.parseLong(p[1]));
                        try (ResultSet r = s.executeQuery()) {
                            r.next();
                            proposal = r.getLong(1);
                        }
                    }
                    // Its history starts where the fixture puts it (the count adds the next entry).
                    try (PreparedStatement s = c.prepareStatement("insert into proposal_status_change (proposal_id, seq, "
                            + "from_status, to_status, actor, changed_at) values (?, 0, null, 'ON_BALLOT', "
                            + "'voting-browser-it', now() - interval '2 days')")) {
                        s.setLong(1, proposal);
                        s.executeUpdate();
                    }
                    try (PreparedStatement s = c.prepareStatement("insert into proposal_cost_line (proposal_id, line_no, "
                            + "description, quantity, unit_price) values (?, 0, 'Жұмыстар / Работы', 1, ?)")) {
                        s.setLong(1, proposal);
                        s.setLong(2, Long.parseLong(p[1]));
                        s.executeUpdate();
                    }
                }
                try (PreparedStatement s = c.prepareStatement("update budget_round set phase = 'VOTING', "
                        + "rules_manifest = ?, rules_manifest_sha256 = encode(sha256(convert_to(?, 'UTF8')), 'hex'), "
                        + "rules_frozen_at = now() - interval '1 day' where id = ?")) {
                    String manifest = "{\"ballot\":{\"kind\":\"APPROVAL\",\"maxPicks\":2,\"minPicks\":1},\"round\":" + id + "}";
                    s.setString(1, manifest);
                    s.setString(2, manifest);
                    s.setLong(3, id);
                    s.executeUpdate();
                }
                c.commit();
                return id;
            }
        }
    }
}
