package kz.qatysu.round.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import kz.qatysu.platform.domain.Actor;
import org.junit.jupiter.api.Test;

/** The round's rule for paper ballots of people who already voted online: a rule like the others. */
class PaperAfterOnlineRuleTest {

    @Test
    void refusesByDefaultAndLeavesTheManifestAsItWas() {
        BudgetRound round = RoundFixtures.roundWithRules(false);
        String before = round.manifest().json();

        assertThat(round.paperAfterOnline()).isEqualTo(PaperAfterOnline.REFUSE);
        round.choosePaperAfterOnline(PaperAfterOnline.REFUSE);
        assertThat(round.manifest().json()).isEqualTo(before).doesNotContain("paperAfterOnline");
    }

    @Test
    void flaggingIsPublishedInTheManifest() {
        BudgetRound round = RoundFixtures.roundWithRules(false);

        round.choosePaperAfterOnline(PaperAfterOnline.FLAG);

        assertThat(round.manifest().json()).contains("\"paperAfterOnline\":\"FLAG\"");
    }

    @Test
    void isFrozenWhenVotingOpens() {
        BudgetRound round = RoundFixtures.roundWithRules(false);
        round.choosePaperAfterOnline(PaperAfterOnline.FLAG);
        Actor system = Actor.system("test");
        Instant now = Instant.parse("2026-05-01T00:00:00Z");
        round.advanceTo(Phase.PROPOSAL_SUBMISSION, now, system);
        round.advanceTo(Phase.MODERATION_AND_REVIEW, now, system);
        round.advanceTo(Phase.VOTING, now, system);

        assertThat(round.frozenManifest().orElseThrow().json()).contains("\"paperAfterOnline\":\"FLAG\"");
        assertThatThrownBy(() -> round.choosePaperAfterOnline(PaperAfterOnline.REFUSE)).isInstanceOf(RulesFrozen.class);
    }
}
