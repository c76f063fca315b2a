package kz.qatysu.round.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.RoundCategory;

/** The state of a round as the audit log records it. */
final class RoundSnapshots {

    private RoundSnapshots() {
    }

    static Map<String, Object> of(BudgetRound r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("territory", r.territory().value());
        m.put("titleKk", r.title().kk());
        m.put("titleRu", r.title().ru());
        m.put("phase", r.phase().name());
        m.put("totalBudget", r.totalBudget());
        m.put("projectCostCap", r.projectCostCap().orElse(null));
        m.put("minimumAge", r.minimumAge());
        m.put("supportThreshold", r.supportThreshold().orElse(null));
        Map<String, Object> starts = new TreeMap<>();
        r.calendar().starts().forEach((phase, at) -> starts.put(phase.name(), at.toString()));
        m.put("calendar", starts);
        Map<String, Object> categories = new TreeMap<>();
        for (RoundCategory c : r.categories()) {
            categories.put(c.code(), c.budget());
        }
        m.put("categories", categories);
        m.put("ballotRule", r.ballotRule().filter(b -> b.kind() != null).map(RoundSnapshots::ballot).orElse(null));
        m.put("allocationRule", r.allocationRule().orElse(null));
        m.put("paperAfterOnline", r.paperAfterOnline().name());
        m.put("manifestSha256", r.frozenManifest().map(x -> x.sha256()).orElse(null));
        return m;
    }

    private static Map<String, Object> ballot(BallotRule b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", b.kind().name());
        m.put("minPicks", b.minPicks());
        m.put("maxPicks", b.maxPicks());
        m.put("minBudgetSharePercent", b.minBudgetSharePercent());
        m.put("points", b.points());
        m.put("maxPointsPerProject", b.maxPointsPerProject());
        return m;
    }
}
