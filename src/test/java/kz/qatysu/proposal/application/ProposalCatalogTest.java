package kz.qatysu.proposal.application;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qatysu.platform.domain.Actor;
import org.junit.jupiter.api.Test;

class ProposalCatalogTest {

    @Test
    void theHistoryNamesWhoActedByKindOnly() {
        assertThat(ProposalCatalog.actorKey(Actor.staff("moderator.bostandyk"))).isEqualTo("proposal.actor.akimat");
        assertThat(ProposalCatalog.actorKey(Actor.citizen(42))).isEqualTo("proposal.actor.author");
        assertThat(ProposalCatalog.actorKey(Actor.system("calendar"))).isEqualTo("proposal.actor.system");
    }
}
