package kz.qatysu.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import kz.qatysu.platform.domain.DomainRuleViolation;

/** One resident supporting one proposal during support collection; the primary key makes it once per person. */
@Entity
@Table(name = "proposal_support")
@IdClass(Support.Key.class)
@NamedQuery(name = "Support.countByProposal",
        query = "select count(s) from Support s where s.proposalId = :proposalId")
@NamedQuery(name = "Support.find",
        query = "select s from Support s where s.proposalId = :proposalId and s.citizenId = :citizenId")
public class Support {

    public record Key(long proposalId, long citizenId) implements Serializable {
        public Key() {
            this(0, 0);
        }
    }

    @Id
    @Column(name = "proposal_id", updatable = false)
    private long proposalId;

    @Id
    @Column(name = "citizen_id", updatable = false)
    private long citizenId;

    @Column(name = "supported_at", nullable = false, updatable = false)
    private Instant supportedAt;

    protected Support() {
        // for JPA
    }

    /**
     * A resident's support for a proposal that is collecting it; authors cannot support their own proposal.
     *
     * @throws DomainRuleViolation {@code proposal.error.support-closed}, {@code proposal.error.support-own}
     */
    public static Support of(Proposal proposal, long citizenId, Instant now) {
        if (proposal.status() != ProposalStatus.SUPPORT_COLLECTION) {
            throw new DomainRuleViolation("proposal.error.support-closed");
        }
        if (proposal.proposer().citizenId().filter(author -> author == citizenId).isPresent()) {
            throw new DomainRuleViolation("proposal.error.support-own");
        }
        Support s = new Support();
        s.proposalId = Objects.requireNonNull(proposal.getId(), "stored proposal");
        s.citizenId = citizenId;
        s.supportedAt = Objects.requireNonNull(now, "now");
        return s;
    }

    public long proposalId() {
        return proposalId;
    }

    public long citizenId() {
        return citizenId;
    }

    public Instant supportedAt() {
        return supportedAt;
    }
}
