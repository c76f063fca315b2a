package kz.qatysu.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import kz.qatysu.platform.signing.SigningKeys;
import kz.qatysu.platform.testing.Database;
import kz.qatysu.platform.testing.Portal;
import kz.qatysu.platform.testing.PortalBrowserTest;
import kz.qatysu.registry.simulator.ReceivedMessage;
import kz.qatysu.registry.simulator.RegistrySimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The operator's journey at the end of voting, in Chromium: the demo Esil round (with the ballots the other tests
 * cast) is closed from its admin page, counted by close-round started from the jobs page, and its signed allocation
 * reaches the registries (the simulator, which checks the signatures before it stores anything). Runs last of the
 * browser journeys (alphabetical order), since it ends the demo round's voting.
 */
public class VotingRoundClosingBrowserIT extends PortalBrowserTest {

    private static final String ESIL_ROUND = "Esil: green courtyards 2026";
    private static RegistrySimulator registries;

    @BeforeAll
    static void startRegistries() throws Exception {
        SigningKeys keys = SigningKeys.load(Path.of(System.getenv("QATYSU_SIGNING_KEYSTORE")),
                System.getenv("QATYSU_SIGNING_PASSWORD").toCharArray(), "qatysu");
        registries = RegistrySimulator.start(Integer.getInteger("qatysu.it.registry-port", 18480), keys.certificate());
    }

    @AfterAll
    static void stopRegistries() {
        if (registries != null) {
            registries.close();
        }
    }

    private static void startJob(String job) {
        browser.click(By.cssSelector("input.start-job[data-job='" + job + "']"));
        browser.await(d -> d.getPageSource().contains("Job " + job + " started"));
    }

    @Test
    public void anOperatorClosesTheDemoRoundCountsItAndItsSignedAllocationReachesTheRegistries() throws Exception {
        long round = Database.count("select id from budget_round where title_en = ?", ESIL_ROUND);
        long ballots = Database.count("select count(*) from ballot where round_id = ? and superseded_at is null", round);

        Portal.chooseLanguage(browser, "en");
        Portal.signInAsStaff(browser, "admin");
        browser.open(PORTAL + "/admin/round.xhtml?id=" + round);
        assertThat(browser.text(By.id("currentPhase"))).isEqualTo("Voting");
        browser.click(By.id("phaseForm:advance"));
        browser.await(d -> d.findElement(By.id("phaseForm:confirmYes")).isDisplayed());
        browser.click(By.id("phaseForm:confirmYes"));
        browser.await(d -> d.getPageSource().contains("The round moved to the phase"));
        assertThat(browser.text(By.id("currentPhase"))).isEqualTo("Counting");

        browser.click(By.id("adminJobsLink"));
        startJob("close-round");
        browser.await(d -> {
            try {
                return Database.count("select count(*) from round_outcome where round_id = ?", round) == 1;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        browser.open(PORTAL + "/admin/jobs.xhtml");
        browser.await(d -> d.findElement(By.id("executionsForm:executions")).getText().contains("COMPLETED"));
        assertThat(browser.text(By.id("executionsForm:executions"))).contains("close-round", "tally", "allocate");
        assertThat(browser.text(By.id("counts"))).contains(Long.toString(round), "COUNTED");
        assertThat(browser.text(By.id("outbox"))).contains("treasury", "statistics", "self-government", "PENDING");
        browser.screenshot("admin-jobs-counted-en");
        assertThat(Database.count("select ballots from round_outcome where round_id = ?", round)).isEqualTo(ballots);

        startJob("publish-allocations");
        browser.await(d -> List.of("treasury", "statistics", "self-government").stream()
                .allMatch(r -> registries.received(r).stream().anyMatch(m -> m.roundId() == round)));
        for (String registry : List.of("treasury", "statistics", "self-government")) {
            ReceivedMessage got = registries.received(registry).stream().filter(m -> m.roundId() == round)
                    .findFirst().orElseThrow();
            assertThat(got.notice().protocolDigest()).isEqualTo(text("select protocol_digest from round_outcome "
                    + "where round_id = " + round));
            assertThat(got.notice().projects()).isNotEmpty();
        }
        browser.open(PORTAL + "/admin/jobs.xhtml");
        browser.await(d -> d.findElement(By.id("outbox")).getText().contains("DELIVERED"));
        // (Other tests leave a dead letter on purpose; none of this round's messages is one.)
        assertThat(Database.count("select count(*) from registry_message where round_id = ? and status <> 'DELIVERED'",
                round)).isZero();
        browser.screenshot("admin-jobs-delivered-en");
    }

    private static String text(String sql) {
        try (var c = Database.connect(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1).strip();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
