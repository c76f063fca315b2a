package kz.qatysu.allocation.pabulib;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import kz.qatysu.allocation.SharedData;
import kz.qatysu.allocation.domain.Instance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PabulibWriterTest {

    static List<Path> sharedFiles() {
        return SharedData.pbFiles();
    }

    @ParameterizedTest
    @MethodSource("sharedFiles")
    void writtenFileReadsBackAsAnEqualInstance(Path file) throws Exception {
        Instance original = new PabulibReader().read(file);

        String text = PabulibWriter.withDemographics().toText(original);
        Instance copy = new PabulibReader().parse(text);

        assertThat(copy).isEqualTo(original);
    }

    @Test
    void anonymousExportDropsVoterAttributesAndRecordsTheRule() throws Exception {
        Instance original = new PabulibReader().read(SharedData.file("Poland_Warszawa_2021_Mokotow.pb"));

        String text = PabulibWriter.anonymous().withRule("equalshares/add1").toText(original);
        Instance copy = new PabulibReader().parse(text);

        assertThat(copy.meta()).containsEntry("rule", "equalshares/add1");
        assertThat(copy.ballots()).allSatisfy(b -> {
            assertThat(b.ageBand()).isNull();
            assertThat(b.sex()).isNull();
        });
        assertThat(copy.ballots()).extracting(b -> b.projectIds())
                .isEqualTo(original.ballots().stream().map(b -> b.projectIds()).toList());
        assertThat(text).doesNotContain("voter_id;vote;age");
    }

    @Test
    void quotesFieldsWithSeparatorsAndQuotes() {
        assertThat(PabulibWriter.quote("a;b")).isEqualTo("\"a;b\"");
        assertThat(PabulibWriter.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(PabulibWriter.quote("plain, with comma")).isEqualTo("plain, with comma");
    }
}
