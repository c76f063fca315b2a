package kz.qatysu.registry.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Allocation notices for tests. */
public final class Notices {

    private Notices() {
    }

    /** Version {@code version} of round {@code roundId}: two funded projects, one not funded. */
    public static AllocationNotice notice(long roundId, int version) {
        return new AllocationNotice(AllocationNotice.KIND, roundId, version, "Бюджет участия — Бостандыкский район 2026",
                "751410000", "Бостандыкский район", new BigDecimal("50000000"), "KZT", "mes_cost_add1",
                "a".repeat(64), "b".repeat(64), "c".repeat(64), Instant.parse("2026-05-04T10:15:30Z"),
                List.of(
                        new AllocatedProject(101, "Саябақ «Жас Қанат»", "751410000", "451001",
                                new BigDecimal("30000000.5"), 1204, true),
                        new AllocatedProject(102, "Велодорожка по ул. Тимирязева", "751410000", "451002",
                                new BigDecimal("19999999.50"), 987, true),
                        new AllocatedProject(103, "Workout \"Sport\" area", "751410000", "451003",
                                new BigDecimal("8000000.00"), 455, false)));
    }
}
