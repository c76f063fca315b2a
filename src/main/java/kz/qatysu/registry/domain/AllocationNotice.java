package kz.qatysu.registry.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a registry receives about the allocation of a closed round. Versions increase per round and a newer version
 * supersedes an older one (a corrected protocol). The hashes tie the notice to the published rules manifest, the
 * Merkle root of the counted receipts and the signed results protocol. Amounts are kept with two decimals, so equal
 * sums make equal notices whatever their scale.
 */
public record AllocationNotice(String messageKind, long roundId, int version, String roundTitle, String territoryKato,
                               String territoryName, BigDecimal budget, String currency, String rule,
                               String manifestHash, String merkleRoot, String protocolDigest, Instant closedAt,
                               List<AllocatedProject> projects) {

    /** The message kind of an allocation notice. */
    public static final String KIND = "allocation";

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern RULE = Pattern.compile("[a-z0-9_]{1,64}");

    public AllocationNotice {
        if (!KIND.equals(messageKind)) {
            throw new IllegalArgumentException("messageKind must be '" + KIND + "', not '" + messageKind + "'");
        }
        if (roundId <= 0) {
            throw new IllegalArgumentException("roundId must be positive: " + roundId);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
        NoticeFields.text(roundTitle, "roundTitle");
        NoticeFields.kato(territoryKato, "territoryKato");
        NoticeFields.text(territoryName, "territoryName");
        budget = NoticeFields.money(budget, "budget");
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as KZT, not '" + currency + "'");
        }
        if (rule == null || !RULE.matcher(rule).matches()) {
            throw new IllegalArgumentException("rule must be an allocation rule key such as mes_cost_add1, not '"
                    + rule + "'");
        }
        NoticeFields.sha256Hex(manifestHash, "manifestHash");
        NoticeFields.sha256Hex(merkleRoot, "merkleRoot");
        NoticeFields.sha256Hex(protocolDigest, "protocolDigest");
        if (closedAt == null) {
            throw new IllegalArgumentException("closedAt is required");
        }
        if (projects == null || projects.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("projects must be a list without gaps");
        }
        projects = List.copyOf(projects);
        Set<Long> proposals = new HashSet<>();
        BigDecimal funded = BigDecimal.ZERO;
        for (AllocatedProject project : projects) {
            if (!proposals.add(project.proposalId())) {
                throw new IllegalArgumentException("proposal " + project.proposalId() + " is listed twice");
            }
            if (project.funded()) {
                funded = funded.add(project.amount());
            }
        }
        if (funded.compareTo(budget) > 0) {
            throw new IllegalArgumentException("funded projects total " + funded.toPlainString()
                    + ", more than the budget of " + budget.toPlainString());
        }
    }
}
