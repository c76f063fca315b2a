package kz.qatysu.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import kz.qatysu.territory.domain.KatoCode;
import org.junit.jupiter.api.Test;

class EligiblePopulationFileTest {

    private static final Set<String> KNOWN = Set.of("750000000", "751410000", "711210000");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private static EligiblePopulationFile.Result parse(String text) {
        return EligiblePopulationFile.parse(text, c -> KNOWN.contains(c.value()), TODAY);
    }

    @Test
    void readsLinesWithOrWithoutHeaderDateOrSemicolons() {
        var result = parse("\uFEFFkato,eligible_residents,as_of\n751410000,250000,2026-01-01\n\n711210000;180000\n");

        assertThat(result.valid()).isTrue();
        assertThat(result.rows()).containsExactly(
                new EligiblePopulationFile.Row(2, KatoCode.of("751410000"), 250000, LocalDate.of(2026, 1, 1)),
                new EligiblePopulationFile.Row(4, KatoCode.of("711210000"), 180000, TODAY));
    }

    @Test
    void reportsEveryProblemWithItsLineAndKeepsNoRow() {
        var result = parse("751410000,100\n999990000,5\n711210000,-3\nnot a line\n750000000,12x\n"
                + "750000000,7,2026-13-01\n751410000,4\n12345,1\n");

        assertThat(result.valid()).isFalse();
        assertThat(result.rows()).isEmpty();
        assertThat(result.problems()).extracting(EligiblePopulationFile.Problem::line,
                        EligiblePopulationFile.Problem::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "dashboard.eligible.unknown-kato"),
                        org.assertj.core.groups.Tuple.tuple(3, "dashboard.eligible.negative"),
                        org.assertj.core.groups.Tuple.tuple(4, "dashboard.eligible.malformed"),
                        org.assertj.core.groups.Tuple.tuple(5, "dashboard.eligible.bad-number"),
                        org.assertj.core.groups.Tuple.tuple(6, "dashboard.eligible.bad-date"),
                        org.assertj.core.groups.Tuple.tuple(7, "dashboard.eligible.duplicate"),
                        org.assertj.core.groups.Tuple.tuple(8, "dashboard.eligible.bad-kato"));
    }

    @Test
    void anEmptyFileIsAProblem() {
        assertThat(parse("\n \n").problems()).extracting(EligiblePopulationFile.Problem::messageKey)
                .containsExactly("dashboard.eligible.empty");
    }
}
