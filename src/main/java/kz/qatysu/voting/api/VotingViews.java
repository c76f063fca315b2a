package kz.qatysu.voting.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.qatysu.platform.text.LocalizedText;
import kz.qatysu.voting.application.BallotSheet;
import kz.qatysu.voting.application.MyBallot;
import kz.qatysu.voting.application.ReceiptCheck;
import kz.qatysu.voting.application.ReceiptPublication;

/** What the voting API answers (JSON-B serialises these records); ids as strings, as the client sends them back. */
public final class VotingViews {

    private VotingViews() {
    }

    /** A round open to the caller: its ballot rule, limits, the projects in the caller's order, their ballot. */
    public record OpenRound(String id, LocalizedText title, String territory, LocalizedText territoryName, String ballotKind,
                     Integer minPicks, Integer maxPicks, Integer minBudgetSharePercent, Integer points,
                     Integer maxPointsPerProject, long budget, Instant votingEndsAt, String rulesManifestSha256,
                     List<Project> proposals, Ballot myBallot) {

        static OpenRound of(BallotSheet s) {
            return new OpenRound(Long.toString(s.roundId()), s.title(), s.territoryCode(), s.territory(), s.ballotKind(),
                    s.minPicks(), s.maxPicks(), s.minBudgetSharePercent(), s.points(), s.maxPointsPerProject(),
                    s.budget(), s.votingEndsAt(), s.manifestSha256(),
                    s.options().stream().map(Project::of).toList(), s.current() == null ? null : Ballot.of(s.current()));
        }
    }

    public record Project(String id, String title, String category, LocalizedText categoryName, long assessedCost) {
        static Project of(BallotSheet.BallotEntry e) {
            return new Project(Long.toString(e.proposalId()), e.title(), e.categoryCode(), e.category(), e.assessedCost());
        }
    }

    /** The caller's current ballot and its receipt. */
    public record Ballot(String round, int version, String channel, Instant castAt, List<String> projects,
                  Map<String, Integer> points, String receipt) {
        static Ballot of(MyBallot b) {
            return new Ballot(Long.toString(b.roundId()), b.version(), b.channel(), b.castAt(),
                    b.projects().stream().map(String::valueOf).toList(),
                    b.points().entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toString(),
                            Map.Entry::getValue, (a, c) -> a, java.util.LinkedHashMap::new)),
                    b.receipt());
        }
    }

    /** The answer to a cast. */
    public record Cast(String receipt, int version) {
    }

    /** Whether a receipt was counted: counted, superseded or unknown, with the Merkle proof when counted. */
    public record ReceiptStatus(String status, String receiptHash, String merkleRoot, int counted, Integer leafIndex,
                         List<String> auditPath) {
        static ReceiptStatus of(ReceiptCheck c) {
            return new ReceiptStatus(c.status().name().toLowerCase(java.util.Locale.ROOT), c.receiptHash(),
                    c.merkleRoot(), c.counted(), c.leafIndex(), c.auditPath());
        }
    }

    /** The published receipts of a closed round. */
    public record Receipts(String round, String merkleRoot, int counted, int superseded, Instant publishedAt,
                    List<String> receiptHashes) {
        static Receipts of(ReceiptPublication p, List<String> hashes) {
            return new Receipts(Long.toString(p.roundId()), p.merkleRoot(), p.counted(), p.superseded(),
                    p.publishedAt(), hashes);
        }
    }
}
