package kz.qatysu.proposal.application;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.proposal.domain.Bin;
import kz.qatysu.proposal.domain.CostEstimate;
import kz.qatysu.proposal.domain.CostLine;
import kz.qatysu.proposal.domain.ProposalContent;
import kz.qatysu.proposal.domain.ProposalDescription;
import kz.qatysu.proposal.domain.ProposalLocation;
import kz.qatysu.proposal.domain.ProposalTitle;

/**
 * What a proposer types into the submission wizard (or the meeting form), as received: the domain cleans and checks
 * every part when it is turned into {@link ProposalContent}.
 */
public record ProposalForm(String title, String description, String categoryCode, String address, Double latitude,
                           Double longitude, List<Line> costLines, List<String> coProposerBins) implements Serializable {

    /** One line of the cost estimate. */
    public record Line(String description, Long quantity, Long unitPrice) implements Serializable {
    }

    public ProposalForm {
        costLines = costLines == null ? List.of() : List.copyOf(costLines);
        coProposerBins = coProposerBins == null ? List.of()
                : coProposerBins.stream().filter(b -> b != null && !b.isBlank()).toList();
    }

    /**
     * The checked content.
     *
     * @throws DomainRuleViolation with the key of the first refused part
     */
    public ProposalContent toContent() {
        List<CostLine> lines = new ArrayList<>();
        for (Line line : costLines) {
            if (line == null) {
                continue;
            }
            if (line.quantity() == null) {
                throw new DomainRuleViolation("proposal.error.cost-line-quantity");
            }
            if (line.unitPrice() == null) {
                throw new DomainRuleViolation("proposal.error.cost-line-unit-price");
            }
            lines.add(new CostLine(line.description(), line.quantity(), line.unitPrice()));
        }
        Set<Bin> bins = coProposerBins.stream().map(b -> Bin.parse(b.strip())).collect(Collectors.toSet());
        return new ProposalContent(new ProposalTitle(title), new ProposalDescription(description),
                categoryCode == null ? "" : categoryCode.strip(), ProposalLocation.of(address, latitude, longitude),
                CostEstimate.of(lines), bins);
    }
}
