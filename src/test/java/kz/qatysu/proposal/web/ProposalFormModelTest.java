package kz.qatysu.proposal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.qatysu.proposal.application.ProposalForm;
import org.junit.jupiter.api.Test;

class ProposalFormModelTest {

    @Test
    void untouchedLinesAreLeftOutAndBinsAreSplitOnCommasAndSpaces() {
        ProposalFormModel model = new ProposalFormModel();
        model.setTitle("Орындықтар");
        model.getCostLines().getFirst().setDescription("Орындықтар");
        model.getCostLines().getFirst().setUnitPrice(150_000L);
        model.addLine();
        model.setCoProposers("940140000385,  950340000012; ");

        ProposalForm form = model.toForm();

        assertThat(form.costLines()).containsExactly(new ProposalForm.Line("Орындықтар", 1L, 150_000L));
        assertThat(form.coProposerBins()).containsExactly("940140000385", "950340000012");
        assertThat(model.getTotal()).isEqualTo(150_000L);
    }

    @Test
    void aStoredProposalIsShownAsItWasAndKeepsOneLineToTypeInto() {
        ProposalForm stored = new ProposalForm("Жарық", "Шамдар", "parks", "Абай, 1", 43.2, 76.9,
                List.of(new ProposalForm.Line("Шам", 10L, 40_000L)), List.of("940140000385"));
        ProposalFormModel model = new ProposalFormModel();

        model.fill(stored);

        assertThat(model.toForm()).isEqualTo(stored);
        model.removeLine(model.getCostLines().getFirst());
        assertThat(model.getCostLines()).hasSize(1);
        assertThat(model.toForm().costLines()).isEmpty();
    }
}
