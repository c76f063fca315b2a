package kz.qatysu.counting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.qatysu.allocation.application.OutcomeJson;
import kz.qatysu.counting.domain.ResultsProtocol;
import kz.qatysu.counting.domain.RoundAllocation;
import kz.qatysu.platform.signing.SecureXml;
import kz.qatysu.platform.signing.SigningKeys;
import kz.qatysu.platform.signing.XmlSignatures;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.registry.application.Outbox;
import kz.qatysu.registry.domain.AllocatedProject;
import kz.qatysu.registry.domain.AllocationNotice;
import kz.qatysu.round.domain.BudgetRound;
import org.eclipse.microprofile.config.Config;
import org.w3c.dom.Document;

/**
 * Stores what counting a round produced, inside the counting transaction: the outcome (JSON with every project's
 * explanation, one row per project), the results protocol signed with the platform's key, and the allocation notice
 * for every configured registry in the outbox — so that the results and their publication commit together.
 */
@ApplicationScoped
public class ResultsPublication {

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Inject
    private SigningKeys keys;
    @Inject
    private Outbox outbox;
    @Inject
    private Config config;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(BudgetRound round, ResultsProtocol.Round header, List<RoundAllocation.Part> parts,
                        List<ResultsProtocol.Line> lines, Document protocol, List<Proposal> onBallot, Instant now) {
        XmlSignatures.sign(protocol, keys);
        String digest = XmlSignatures.digest(protocol);
        String xml = new String(SecureXml.write(protocol), java.nio.charset.StandardCharsets.UTF_8);
        long totalCost = lines.stream().filter(l -> l.explanation().funded()).mapToLong(ResultsProtocol.Line::cost).sum();

        JsonArrayBuilder partsJson = Json.createArrayBuilder();
        parts.forEach(p -> partsJson.add(Json.createObjectBuilder().add("category", p.category())
                .add("budget", p.budget()).add("outcome", OutcomeJson.object(p.outcome()))));
        String outcomeJson = Json.createObjectBuilder().add("round", header.id()).add("rule", header.rule())
                .add("parts", partsJson).build().toString();

        em.createNativeQuery("insert into round_outcome (round_id, version, rule, ballots, budget, total_cost, "
                        + "outcome_json, protocol_xml, protocol_digest, merkle_root, closed_at, counted_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
                .setParameter(1, header.id()).setParameter(2, header.version()).setParameter(3, header.rule())
                .setParameter(4, header.countedBallots()).setParameter(5, header.budget()).setParameter(6, totalCost)
                .setParameter(7, outcomeJson).setParameter(8, xml).setParameter(9, digest)
                .setParameter(10, header.merkleRoot()).setParameter(11, Timestamp.from(header.closedAt()))
                .setParameter(12, Timestamp.from(now)).executeUpdate();
        for (ResultsProtocol.Line line : lines) {
            boolean funded = line.explanation().funded();
            em.createNativeQuery("insert into round_outcome_project (round_id, proposal_id, funded, step, amount, "
                            + "votes, points, reason) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .setParameter(1, header.id()).setParameter(2, line.proposalId()).setParameter(3, funded)
                    .setParameter(4, line.explanation().step()).setParameter(5, funded ? line.cost() : 0L)
                    .setParameter(6, line.ballots()).setParameter(7, line.points())
                    .setParameter(8, line.explanation().reason().name()).executeUpdate();
        }

        List<AllocatedProject> projects = new ArrayList<>();
        Map<Long, Proposal> byId = new java.util.HashMap<>();
        onBallot.forEach(p -> byId.put(p.getId(), p));
        for (ResultsProtocol.Line line : lines) {
            Proposal p = byId.get(line.proposalId());
            boolean funded = line.explanation().funded();
            projects.add(new AllocatedProject(line.proposalId(), p.title().value(), p.territory().value(),
                    budgetClassification(line.category()), BigDecimal.valueOf(funded ? line.cost() : 0L),
                    line.ballots(), funded));
        }
        AllocationNotice notice = new AllocationNotice("allocation", header.id(), header.version(),
                header.titles().get("ru"), header.territoryKato(), header.territoryName(),
                BigDecimal.valueOf(header.budget()), "KZT", header.rule(), header.manifestSha256(),
                header.merkleRoot(), digest, header.closedAt(), projects);
        outbox.enqueue(notice, now);
    }

    /** The territory's name (Russian, as registries expect it), or its code when unknown. */
    public String territoryName(String kato) {
        @SuppressWarnings("unchecked")
        List<Object> names = em.createNativeQuery("select name_ru from territory where code = ?1")
                .setParameter(1, kato).getResultList();
        return names.isEmpty() ? kato : (String) names.get(0);
    }

    /**
     * The functional budget classification group of a category (e.g. {@code 07} housing and communal services,
     * {@code 08} culture and sport, {@code 12} transport): {@code qatysu.budget-classification.<category>}, else
     * {@code qatysu.budget-classification.default}.
     */
    String budgetClassification(String category) {
        return config.getOptionalValue("qatysu.budget-classification." + category, String.class)
                .orElseGet(() -> config.getOptionalValue("qatysu.budget-classification.default", String.class)
                        .orElse("13"));
    }
}
