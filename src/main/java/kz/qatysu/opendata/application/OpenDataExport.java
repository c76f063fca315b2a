package kz.qatysu.opendata.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.allocation.domain.Ballot;
import kz.qatysu.allocation.domain.Instance;
import kz.qatysu.allocation.domain.Project;
import kz.qatysu.allocation.domain.Rational;
import kz.qatysu.allocation.domain.VoteType;
import kz.qatysu.allocation.pabulib.PabulibWriter;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.voting.application.VotingKeys;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The nightly open data: for every counted round, its results as CSV and JSON, its signed protocol, and its counted
 * ballots as a Pabulib {@code .pb} file — anonymous (numbered voters, in the order of their keyed pseudonyms, not of
 * casting), with age band and sex only where the round's territory had at least {@code qatysu.opendata.k-anonymity}
 * voters. Files are replaced atomically, so the folder served at {@code /opendata/} never shows a half-written file.
 */
@ApplicationScoped
public class OpenDataExport {

    private static final Logger LOGGER = Logger.getLogger(OpenDataExport.class.getName());

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Inject
    private VotingKeys keys;
    @Inject
    private OpenDataFolder folder;
    @Inject
    @ConfigProperty(name = "qatysu.opendata.k-anonymity", defaultValue = "10")
    int k;

    /** What one export wrote. */
    public record Exported(long roundId, int ballots, boolean demographics) {
    }

    /** Exports every counted round; returns what was written. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Exported> exportAll() {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select round_id from round_outcome order by round_id").getResultList();
        List<Exported> done = new ArrayList<>();
        JsonArrayBuilder index = Json.createArrayBuilder();
        for (Object id : ids) {
            Exported e = export(((Number) id).longValue());
            done.add(e);
            BudgetRound round = em.find(BudgetRound.class, e.roundId());
            index.add(Json.createObjectBuilder().add("round", e.roundId())
                    .add("title", Json.createObjectBuilder().add("kk", round.title().kk()).add("ru", round.title().ru())
                            .add("en", round.title().en() == null ? round.title().ru() : round.title().en()))
                    .add("territory", round.territory().value()).add("ballots", e.ballots())
                    .add("files", Json.createArrayBuilder().add(dir(e.roundId()) + "/results.csv")
                            .add(dir(e.roundId()) + "/results.json").add(dir(e.roundId()) + "/ballots.pb")
                            .add(dir(e.roundId()) + "/protocol.xml")));
        }
        write("index.json", Json.createObjectBuilder().add("rounds", index).build().toString());
        LOGGER.log(Level.INFO, "Open data: {0} round(s) exported to {1}", new Object[]{done.size(), folder.root()});
        return done;
    }

    private static String dir(long roundId) {
        return "round-" + roundId;
    }

    private Exported export(long roundId) {
        BudgetRound round = em.find(BudgetRound.class, roundId);
        @SuppressWarnings("unchecked")
        List<Object[]> projects = em.createNativeQuery("select p.id, p.title, p.category_code, p.assessed_cost, "
                        + "o.votes, o.points, o.funded, o.step, o.amount, o.reason from round_outcome_project o "
                        + "join proposal p on p.id = o.proposal_id where o.round_id = ?1 order by p.id")
                .setParameter(1, roundId).getResultList();
        Object[] outcome = (Object[]) em.createNativeQuery("select rule, ballots, total_cost, merkle_root, "
                + "protocol_digest, protocol_xml from round_outcome where round_id = ?1").setParameter(1, roundId)
                .getSingleResult();

        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setHeader("proposal_id", "title",
                "category", "cost_kzt", "votes", "points", "funded", "selection_step", "allocated_kzt", "reason")
                .get())) {
            for (Object[] p : projects) {
                printer.printRecord(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (Object[] p : projects) {
            items.add(Json.createObjectBuilder().add("proposalId", ((Number) p[0]).longValue())
                    .add("title", (String) p[1]).add("category", (String) p[2])
                    .add("costKzt", ((Number) p[3]).longValue()).add("votes", ((Number) p[4]).longValue())
                    .add("points", ((Number) p[5]).longValue()).add("funded", (Boolean) p[6])
                    .add("selectionStep", ((Number) p[7]).intValue()).add("allocatedKzt", ((Number) p[8]).longValue())
                    .add("reason", (String) p[9]));
        }
        var manifest = round.frozenManifest().orElseThrow();
        JsonObjectBuilder results = Json.createObjectBuilder().add("round", roundId)
                .add("title", Json.createObjectBuilder().add("kk", round.title().kk()).add("ru", round.title().ru()))
                .add("territory", round.territory().value()).add("budgetKzt", round.totalBudget())
                .add("rule", (String) outcome[0]).add("ballots", ((Number) outcome[1]).intValue())
                .add("allocatedKzt", ((Number) outcome[2]).longValue())
                .add("rulesManifestSha256", manifest.sha256()).add("merkleRoot", ((String) outcome[3]).strip())
                .add("protocolDigest", ((String) outcome[4]).strip()).add("projects", items);

        PabulibBallots pb = ballots(round, projects, (String) outcome[0]);
        String base = dir(roundId) + "/";
        write(base + "results.csv", csv.toString());
        write(base + "results.json", results.build().toString());
        write(base + "protocol.xml", (String) outcome[5]);
        write(base + "ballots.pb", pb.text());
        return new Exported(roundId, pb.ballots(), pb.demographics());
    }

    private record PabulibBallots(String text, int ballots, boolean demographics) {
    }

    private PabulibBallots ballots(BudgetRound round, List<Object[]> projects, String rule) {
        long roundId = round.getId();
        Map<String, Citizen> voters = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object> citizenIds = em.createNativeQuery("select citizen_id from voting_participation "
                + "where round_id = ?1 and casts > 0").setParameter(1, roundId).getResultList();
        for (Object id : citizenIds) {
            long citizenId = ((Number) id).longValue();
            voters.put(keys.pseudonym(roundId, citizenId).value(), em.find(Citizen.class, citizenId));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select voter, array_to_string(proposal_ids, ','), "
                + "array_to_string(points, ',') from ballot where round_id = ?1 and superseded_at is null "
                + "order by voter").setParameter(1, roundId).getResultList();
        boolean cumulative = round.ballotRule().map(r -> r.kind() == BallotRule.Kind.CUMULATIVE).orElse(false);
        boolean demographics = rows.size() >= k;
        LocalDate lastDay = round.lastDayOfVoting();
        List<Ballot> ballots = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            List<String> ids = Arrays.asList(((String) r[1]).split(","));
            List<Rational> points = cumulative ? Arrays.stream(((String) r[2]).split(","))
                    .map(v -> Rational.of(Long.parseLong(v))).toList() : List.of();
            Citizen voter = demographics ? voters.get(((String) r[0]).strip()) : null;
            ballots.add(new Ballot(ids, points, voter == null ? null : ageBand(voter.birthDate(), lastDay),
                    voter == null ? null : voter.sex().code()));
        }
        List<Project> items = new ArrayList<>();
        for (Object[] p : projects) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("name", (String) p[1]);
            attributes.put("category", (String) p[2]);
            attributes.put("votes", p[4].toString());
            attributes.put("selected", Boolean.TRUE.equals(p[6]) ? "1" : "0");
            items.add(new Project(p[0].toString(), Rational.of(((Number) p[3]).longValue()), attributes));
        }
        Instance instance = Instance.of(Rational.of(round.totalBudget()),
                        cumulative ? VoteType.CUMULATIVE : VoteType.APPROVAL, items, ballots)
                .withMeta("description", round.title().ru())
                .withMeta("country", "Kazakhstan")
                .withMeta("unit", round.territory().value())
                .withMeta("instance", Long.toString(roundId))
                .withMeta("date_end", lastDay.toString());
        PabulibWriter writer = (demographics ? PabulibWriter.withDemographics() : PabulibWriter.anonymous())
                .withRule(rule);
        return new PabulibBallots(writer.toText(instance), rows.size(), demographics);
    }

    /** Age on the last day of voting, in ten-year bands (under 18 and 65+ as their own bands). */
    static String ageBand(LocalDate birth, LocalDate on) {
        return ageBand(Period.between(birth, on).getYears());
    }

    /** The band of an age in whole years: the bands of the open data, also used by the participation dashboard. */
    public static String ageBand(int age) {
        if (age < 18) {
            return "14-17";
        }
        if (age >= 65) {
            return "65+";
        }
        if (age < 25) {
            return "18-24";
        }
        int low = 25 + (age - 25) / 10 * 10;
        return low + "-" + (low + 9);
    }

    private void write(String relative, String content) {
        Path target = folder.root().resolve(relative);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".writing-", ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write open data file " + target, e);
        }
    }
}
