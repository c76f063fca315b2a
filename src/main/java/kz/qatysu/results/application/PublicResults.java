package kz.qatysu.results.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.qatysu.opendata.application.OpenDataFolder;
import kz.qatysu.platform.text.LocalizedText;
import kz.qatysu.results.domain.ExplanationWords;
import kz.qatysu.round.application.RoundCatalog;
import kz.qatysu.round.application.RoundCatalog.CategoryView;
import kz.qatysu.round.application.RoundCatalog.RoundDetail;
import kz.qatysu.round.domain.Phase;

/**
 * The published results of a round, for everyone: what was funded and why, with what the results can be checked
 * against (the rules manifest and its hash, the Merkle root of the counted receipts, the signed protocol and its
 * digest, the open-data files). Nothing is shown before the round reaches the results phase, even if it is counted.
 */
@Stateless
@PermitAll
public class PublicResults {

    /** The outcome of a round in figures. */
    public record Summary(String rule, int ballots, long budget, long totalCost, Instant closedAt, Instant countedAt,
                          String merkleRoot, String protocolDigest, long funded, int projects) {
    }

    /** One project of the ballot with its result and the engine's reason as a sentence to render. */
    public record ProjectResult(long proposalId, String title, LocalizedText category, long cost, int votes,
                                long points, boolean funded, int step, long amount,
                                ExplanationWords.Sentence explanation) {
    }

    /**
     * A round's results.
     *
     * @param openDataFiles the open-data files of the round already exported (names under {@code /opendata/round-N/})
     */
    public record RoundResults(RoundDetail round, Summary summary, List<ProjectResult> projects,
                               List<String> openDataFiles) {
    }

    private static final List<String> OPEN_DATA_FILES = List.of("results.csv", "results.json", "ballots.pb",
            "protocol.xml");

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @EJB
    private RoundCatalog catalog;
    @Inject
    private OpenDataFolder openData;

    /** The results of a round whose results are published; empty for an unknown round or one not there yet. */
    public Optional<RoundResults> results(long roundId) {
        Optional<RoundDetail> detail = catalog.roundDetail(roundId).filter(r -> published(r.phase()));
        if (detail.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> outcome = em.createNativeQuery("select rule, ballots, budget, total_cost, closed_at, "
                + "counted_at, merkle_root, protocol_digest, outcome_json from round_outcome where round_id = ?1")
                .setParameter(1, roundId).getResultList();
        if (outcome.isEmpty()) {
            return Optional.empty();
        }
        Object[] o = outcome.get(0);
        Map<Long, Map<String, String>> figures = figures((String) o[8]);
        Map<String, LocalizedText> categories = detail.get().categories().stream()
                .collect(Collectors.toMap(CategoryView::code, CategoryView::name, (a, b) -> a));

        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select r.proposal_id, p.title, p.category_code, "
                        + "p.assessed_cost, r.votes, r.points, r.funded, r.step, r.amount, r.reason "
                        + "from round_outcome_project r join proposal p on p.id = r.proposal_id where r.round_id = ?1")
                .setParameter(1, roundId).getResultList();
        List<ProjectResult> projects = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            long cost = ((Number) r[3]).longValue();
            int votes = ((Number) r[4]).intValue();
            int step = ((Number) r[7]).intValue();
            projects.add(new ProjectResult(id, (String) r[1], categories.get((String) r[2]), cost, votes,
                    ((Number) r[5]).longValue(), (Boolean) r[6], step, ((Number) r[8]).longValue(),
                    ExplanationWords.of(((String) r[9]).strip(), votes, cost, step, figures.getOrDefault(id, Map.of()))));
        }
        // Funded first in the order they were chosen, then the others by votes.
        projects.sort(Comparator.comparing((ProjectResult p) -> !p.funded())
                .thenComparingInt(p -> p.funded() ? p.step() : 0)
                .thenComparing(Comparator.comparingInt(ProjectResult::votes).reversed())
                .thenComparingLong(ProjectResult::proposalId));
        long funded = projects.stream().filter(ProjectResult::funded).count();
        Summary summary = new Summary((String) o[0], ((Number) o[1]).intValue(), ((Number) o[2]).longValue(),
                ((Number) o[3]).longValue(), instant(o[4]), instant(o[5]), ((String) o[6]).strip(),
                ((String) o[7]).strip(), funded, projects.size());
        List<String> files = OPEN_DATA_FILES.stream()
                .filter(f -> openData.file("/round-" + roundId + "/" + f).isPresent()).toList();
        return Optional.of(new RoundResults(detail.get(), summary, projects, files));
    }

    /** The signed results protocol of a round whose results are published. */
    public Optional<String> signedProtocol(long roundId) {
        if (catalog.roundDetail(roundId).filter(r -> published(r.phase())).isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object> xml = em.createNativeQuery("select protocol_xml from round_outcome where round_id = ?1")
                .setParameter(1, roundId).getResultList();
        return xml.stream().findFirst().map(String.class::cast);
    }

    private static boolean published(Phase phase) {
        return !phase.isBefore(Phase.RESULTS_PUBLISHED);
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    }

    /** Every project's figures from the stored outcome (one engine outcome per budget part). */
    static Map<Long, Map<String, String>> figures(String outcomeJson) {
        JsonObject root;
        try (var reader = Json.createReader(new StringReader(outcomeJson))) {
            root = reader.readObject();
        }
        Map<Long, Map<String, String>> figures = new HashMap<>();
        for (JsonValue part : root.getJsonArray("parts")) {
            for (JsonValue e : part.asJsonObject().getJsonObject("outcome").getJsonArray("explanations")) {
                JsonObject explanation = e.asJsonObject();
                JsonObject f = explanation.getJsonObject("figures");
                figures.put(Long.parseLong(explanation.getString("projectId")), f.keySet().stream()
                        .collect(Collectors.toMap(Function.identity(), k -> text(f.get(k)), (a, b) -> a,
                                LinkedHashMap::new)));
            }
        }
        return figures;
    }

    private static String text(JsonValue value) {
        return value.getValueType() == JsonValue.ValueType.STRING
                ? ((jakarta.json.JsonString) value).getString() : value.toString();
    }
}
