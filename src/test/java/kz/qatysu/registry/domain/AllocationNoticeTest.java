package kz.qatysu.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationNoticeTest {

    @Test
    void keepsAmountsWithTwoDecimalsSoEqualSumsMakeEqualNotices() {
        AllocationNotice notice = Notices.notice(12, 1);

        assertThat(notice.budget()).isEqualTo(new BigDecimal("50000000.00"));
        assertThat(notice.projects().get(0).amount()).isEqualTo(new BigDecimal("30000000.50"));
        assertThat(notice).isEqualTo(Notices.notice(12, 1));
    }

    @Test
    void refusesATerritoryThatIsNoKatoCode() {
        assertThatThrownBy(() -> withTerritory("75141000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("territoryKato")
                .hasMessageContaining("nine digits");
        assertThatThrownBy(() -> withTerritory("000000000")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNegativeAmountsAndFractionsOfATiyn() {
        assertThatThrownBy(() -> project(new BigDecimal("-1"), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount must not be negative");
        assertThatThrownBy(() -> project(new BigDecimal("1.005"), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than two decimals");
    }

    @Test
    void refusesFundedProjectsBeyondTheBudget() {
        List<AllocatedProject> projects = new ArrayList<>(Notices.notice(12, 1).projects());
        projects.add(project(new BigDecimal("0.01"), true));

        assertThatThrownBy(() -> copy(projects))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("funded projects total 50000000.01, more than the budget of 50000000.00");
    }

    @Test
    void refusesAProposalListedTwice() {
        List<AllocatedProject> projects = new ArrayList<>(Notices.notice(12, 1).projects());
        projects.add(projects.get(2));

        assertThatThrownBy(() -> copy(projects)).hasMessageContaining("proposal 103 is listed twice");
    }

    @Test
    void refusesHashesThatAreNotSha256Hex() {
        AllocationNotice n = Notices.notice(12, 1);

        assertThatThrownBy(() -> new AllocationNotice(n.messageKind(), n.roundId(), n.version(), n.roundTitle(),
                n.territoryKato(), n.territoryName(), n.budget(), n.currency(), n.rule(), "A".repeat(64),
                n.merkleRoot(), n.protocolDigest(), n.closedAt(), n.projects()))
                .hasMessageContaining("manifestHash must be 64 lower-case hex digits");
    }

    @Test
    void refusesAnotherKindVersionZeroAndControlCharacters() {
        AllocationNotice n = Notices.notice(12, 1);

        assertThatThrownBy(() -> new AllocationNotice("payment", 12, 1, n.roundTitle(), n.territoryKato(),
                n.territoryName(), n.budget(), n.currency(), n.rule(), n.manifestHash(), n.merkleRoot(),
                n.protocolDigest(), n.closedAt(), n.projects())).hasMessageContaining("messageKind");
        assertThatThrownBy(() -> new AllocationNotice(n.messageKind(), 12, 0, n.roundTitle(), n.territoryKato(),
                n.territoryName(), n.budget(), n.currency(), n.rule(), n.manifestHash(), n.merkleRoot(),
                n.protocolDigest(), n.closedAt(), n.projects())).hasMessageContaining("version");
        assertThatThrownBy(() -> new AllocationNotice(n.messageKind(), 12, 1, "Round\u0000", n.territoryKato(),
                n.territoryName(), n.budget(), n.currency(), n.rule(), n.manifestHash(), n.merkleRoot(),
                n.protocolDigest(), n.closedAt(), n.projects())).hasMessageContaining("control character");
    }

    @Test
    void theProjectListCannotBeChangedAfterwards() {
        List<AllocatedProject> projects = new ArrayList<>(Notices.notice(12, 1).projects());
        AllocationNotice notice = copy(projects);

        projects.clear();

        assertThat(notice.projects()).hasSize(3);
        assertThatThrownBy(() -> notice.projects().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private static AllocatedProject project(BigDecimal amount, boolean funded) {
        return new AllocatedProject(200, "Extra", "751410000", "451009", amount, 1, funded);
    }

    private static AllocationNotice withTerritory(String kato) {
        AllocationNotice n = Notices.notice(12, 1);
        return new AllocationNotice(n.messageKind(), n.roundId(), n.version(), n.roundTitle(), kato,
                n.territoryName(), n.budget(), n.currency(), n.rule(), n.manifestHash(), n.merkleRoot(),
                n.protocolDigest(), Instant.EPOCH, n.projects());
    }

    private static AllocationNotice copy(List<AllocatedProject> projects) {
        AllocationNotice n = Notices.notice(12, 1);
        return new AllocationNotice(n.messageKind(), n.roundId(), n.version(), n.roundTitle(), n.territoryKato(),
                n.territoryName(), n.budget(), n.currency(), n.rule(), n.manifestHash(), n.merkleRoot(),
                n.protocolDigest(), n.closedAt(), projects);
    }
}
