package kz.qatysu.round.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kz.qatysu.platform.testing.Deployments;
import kz.qatysu.platform.testing.RunAsAdmin;
import kz.qatysu.round.application.RoundAdministration;
import kz.qatysu.round.application.RoundCatalog;
import kz.qatysu.round.application.RoundForm;
import kz.qatysu.round.domain.Phase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Phases follow the calendar to the minute, with the platform's clock fixed by the test: nothing moves a minute
 * before a phase starts, the round moves at its start, several phases due at once are stepped in order, and opening
 * voting freezes the rules with the clock's time. Only this test's round is caught up (the other ITs' and the demo
 * rounds keep their phases although the test clock runs years ahead).
 */
@ExtendWith(ArquillianExtension.class)
public class RoundCalendarIT {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final LocalDateTime SUBMISSION = LocalDateTime.of(2031, 3, 2, 9, 0);

    @Deployment
    public static WebArchive deployment() {
        return Deployments.portalWithTests(RoundCalendarIT.class);
    }

    @Inject
    private SettableClock clock;
    @EJB
    private RoundAdministration rounds;
    @EJB
    private RoundCatalog catalog;
    @EJB
    private RunAsAdmin asAdmin;

    private static Instant at(LocalDateTime local) {
        return local.atZone(ALMATY).toInstant();
    }

    private String phaseOf(long id) {
        return catalog.round(id).orElseThrow().phase();
    }

    @Test
    public void phasesChangeExactlyWhenTheCalendarSays() throws Exception {
        clock.hand().set(at(SUBMISSION.minusDays(30)));
        Map<Phase, LocalDateTime> starts = new EnumMap<>(Phase.class);
        starts.put(Phase.PROPOSAL_SUBMISSION, SUBMISSION);
        starts.put(Phase.MODERATION_AND_REVIEW, SUBMISSION.plusDays(20));
        starts.put(Phase.VOTING, SUBMISSION.plusDays(40));
        starts.put(Phase.COUNTING, SUBMISSION.plusDays(50));
        starts.put(Phase.RESULTS_PUBLISHED, SUBMISSION.plusDays(52));
        starts.put(Phase.IMPLEMENTATION, SUBMISSION.plusDays(80));
        long id = asAdmin.call(() -> {
            long created = rounds.create(new RoundForm("751410000", "Күнтізбе", "Календарь", "Calendar", "Сынақ",
                    "Тест", null, 50_000_000L, null, 18, null, "Asia/Almaty", starts));
            rounds.defineCategories(created, List.of(new RoundForm.Category("parks", "Саябақтар", "Парки", "Parks", null)));
            rounds.chooseRules(created, new RoundForm.Ballot("APPROVAL", 1, 3, null, null, null), "greedy_cost");
            return created;
        });

        clock.hand().set(at(SUBMISSION.minusMinutes(1)));
        rounds.followCalendar(id);
        assertThat(phaseOf(id)).isEqualTo("drafting");

        clock.hand().set(at(SUBMISSION));
        rounds.followCalendar(id);
        assertThat(phaseOf(id)).isEqualTo("proposal-submission");

        // Moderation and voting both due: stepped one after the other; voting freezes the rules at the clock's time.
        Instant voting = at(SUBMISSION.plusDays(40).plusMinutes(5));
        clock.hand().set(voting);
        assertThat(rounds.followCalendar(id)).isGreaterThanOrEqualTo(2);
        RoundCatalog.RoundView frozen = catalog.round(id).orElseThrow();
        assertThat(frozen.phase()).isEqualTo("voting");
        assertThat(frozen.manifestSha256()).matches("[0-9a-f]{64}");
        assertThat(kz.qatysu.platform.testing.Database.count(
                "select count(*) from budget_round where id = ? and extract(epoch from rules_frozen_at) = ?", id,
                voting.getEpochSecond())).isEqualTo(1);

        // Nothing more until counting starts.
        clock.hand().set(at(SUBMISSION.plusDays(50).minusSeconds(1)));
        rounds.followCalendar(id);
        assertThat(phaseOf(id)).isEqualTo("voting");
    }
}
