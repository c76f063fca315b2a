package kz.qatysu.counting.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import kz.qatysu.allocation.domain.ProjectExplanation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The results protocol of a counted round: round, published rules and their hash, counted ballots, receipts' Merkle
 * root, per-project tallies and the outcome with each project's reason. Nothing in it depends on when or where it was
 * produced (no wall-clock time, no host), so counting the same closed round again yields the same document and,
 * signed with the same key, the same digest.
 */
public final class ResultsProtocol {

    public static final String NAMESPACE = "urn:kz:qatysu:results-protocol:1";

    private ResultsProtocol() {
    }

    /** What the protocol states about a round. */
    public record Round(long id, int version, String territoryKato, String territoryName, Map<String, String> titles,
                        long budget, String rule, String manifestJson, String manifestSha256, Instant closedAt,
                        int countedBallots, int supersededBallots, String merkleRoot) {
        public Round {
            Objects.requireNonNull(territoryKato, "territoryKato");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(manifestSha256, "manifestSha256");
            Objects.requireNonNull(closedAt, "closedAt");
            Objects.requireNonNull(merkleRoot, "merkleRoot");
            titles = Map.copyOf(titles);
        }
    }

    /** One project's line: its tally and, from its part's outcome, whether and why it was funded. */
    public record Line(long proposalId, String category, long cost, int ballots, long points,
                       ProjectExplanation explanation) {
    }

    /** The unsigned protocol document. */
    public static Document build(Round round, List<RoundAllocation.Part> parts, List<Line> lines) {
        Document doc = newDocument();
        Element root = doc.createElementNS(NAMESPACE, "ResultsProtocol");
        // Declared as an attribute, not only implied by the elements' namespace: canonicalisation (and so the
        // signature) sees the document as it will be read back from its text.
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", NAMESPACE);
        root.setAttribute("round", Long.toString(round.id()));
        root.setAttribute("version", Integer.toString(round.version()));
        doc.appendChild(root);

        Element r = child(doc, root, "Round");
        Element territory = child(doc, r, "Territory");
        territory.setAttribute("kato", round.territoryKato());
        territory.setTextContent(round.territoryName());
        round.titles().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(t -> {
            Element title = child(doc, r, "Title");
            title.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", t.getKey());
            title.setTextContent(t.getValue());
        });
        Element budget = child(doc, r, "Budget");
        budget.setAttribute("currency", "KZT");
        budget.setTextContent(Long.toString(round.budget()));
        child(doc, r, "VotingClosedAt").setTextContent(round.closedAt().toString());

        Element rules = child(doc, root, "RulesManifest");
        rules.setAttribute("sha256", round.manifestSha256());
        rules.setAttribute("allocationRule", round.rule());
        rules.setTextContent(round.manifestJson());

        Element ballots = child(doc, root, "Ballots");
        ballots.setAttribute("counted", Integer.toString(round.countedBallots()));
        ballots.setAttribute("superseded", Integer.toString(round.supersededBallots()));
        Element receipts = child(doc, root, "Receipts");
        receipts.setAttribute("counted", Integer.toString(round.countedBallots()));
        receipts.setAttribute("merkleRoot", round.merkleRoot());
        receipts.setAttribute("tree", "RFC6962-SHA256");

        Element outcome = child(doc, root, "Outcome");
        long total = 0;
        for (RoundAllocation.Part part : parts) {
            Element p = child(doc, outcome, "Part");
            if (!part.category().equals(RoundAllocation.GENERAL)) {
                p.setAttribute("category", part.category());
            }
            p.setAttribute("budget", Long.toString(part.budget()));
            p.setAttribute("totalCost", part.outcome().totalCost().toExactString());
            p.setAttribute("voters", Long.toString(part.outcome().voters()));
            if (part.outcome().endowment() != null) {
                p.setAttribute("finalEndowmentPerVoter", part.outcome().endowment().finalPerVoter());
            }
            total += part.outcome().totalCost().floor().longValueExact();
        }
        outcome.setAttribute("totalCost", Long.toString(total));
        for (Line line : lines) {
            Element project = child(doc, outcome, "Project");
            project.setAttribute("id", Long.toString(line.proposalId()));
            project.setAttribute("category", line.category());
            project.setAttribute("cost", Long.toString(line.cost()));
            project.setAttribute("ballots", Integer.toString(line.ballots()));
            project.setAttribute("points", Long.toString(line.points()));
            ProjectExplanation e = line.explanation();
            project.setAttribute("funded", Boolean.toString(e.funded()));
            project.setAttribute("step", Integer.toString(e.step()));
            project.setAttribute("reason", e.reason().name());
            e.figures().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(f -> {
                Element figure = child(doc, project, "Figure");
                figure.setAttribute("name", f.getKey());
                figure.setAttribute("value", f.getValue());
            });
        }
        return doc;
    }

    private static Element child(Document doc, Element parent, String name) {
        Element e = doc.createElementNS(NAMESPACE, name);
        parent.appendChild(e);
        return e;
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's DOM builder is unavailable", e);
        }
    }
}
