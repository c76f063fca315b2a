package kz.qatysu.allocation.pabulib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import kz.qatysu.allocation.SharedData;
import kz.qatysu.allocation.domain.Instance;
import kz.qatysu.allocation.domain.Rational;
import kz.qatysu.allocation.domain.VoteType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PabulibReaderTest {

    private static final String META = """
            META
            key;value
            description;test
            num_projects;2
            num_votes;3
            budget;300
            vote_type;approval
            rule;greedy
            """;

    private final PabulibReader reader = new PabulibReader();

    static List<Path> sharedFiles() {
        return SharedData.pbFiles();
    }

    @ParameterizedTest
    @MethodSource("sharedFiles")
    void readsEverySharedFileAsItIs(Path file) throws Exception {
        Instance instance = reader.read(file);

        assertThat(instance.projects()).hasSize(Integer.parseInt(instance.meta().get("num_projects")));
        assertThat(instance.ballots()).hasSize(Integer.parseInt(instance.meta().get("num_votes")));
        assertThat(instance.budget().signum()).isPositive();
    }

    @Test
    void readsBomCrlfQuotesNoneCommaDecimalsBlankLinesAndEmptyBallots() throws Exception {
        String text = "\uFEFF" + (META + """
                PROJECTS
                project_id;cost;name;category

                1;"100,5";"Park; phase ""II\""";None
                10;75000.0;Library;culture,education
                VOTES
                voter_id;vote;age;sex
                a;1,10;34;F
                b;;None;None
                c; 10 ;40-59;M
                """).replace("\n", "\r\n");

        Instance instance = reader.parse(text);

        assertThat(instance.voteType()).isEqualTo(VoteType.APPROVAL);
        assertThat(instance.projects().get(0).cost()).isEqualTo(Rational.of(201, 2));
        assertThat(instance.projects().get(0).attributes()).containsExactly(
                java.util.Map.entry("name", "Park; phase \"II\""));
        assertThat(instance.projects().get(1).cost()).isEqualTo(Rational.of(75000));
        assertThat(instance.ballots().get(0).projectIds()).containsExactly("1", "10");
        assertThat(instance.ballots().get(0).ageBand()).isEqualTo("30-39");
        assertThat(instance.ballots().get(1).projectIds()).isEmpty();
        assertThat(instance.ballots().get(2).projectIds()).containsExactly("10");
        assertThat(instance.ballots().get(2).ageBand()).isEqualTo("40-59");
        assertThat(instance.numberOfVoters()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            12 | b;3        | vote of voter b names unknown project '3'
            7  | 1;abc      | cost of project 1 is not a number: 'abc'
            7  | 1;-5       | project 1 has a negative cost: -5
            8  | 1;100      | duplicate project_id '1' (first on line 7)
            12 | a;1        | duplicate voter_id 'a' (first on line 11)
            """)
    void refusesMalformedRowsWithTheirLineNumber(int line, String badRow, String problem) {
        String projects = "PROJECTS\nproject_id;cost\n1;100\n2;200\n";
        String votes = "VOTES\nvoter_id;vote\na;1\nb;2\nc;1,2\n";
        String text;
        if (badRow.startsWith("a;") || badRow.startsWith("b;")) {
            String body = "a;1\n" + badRow + "\nc;1,2\n";
            text = "META\nkey;value\nbudget;300\nvote_type;approval\n" + projects + "VOTES\nvoter_id;vote\n" + body;
        } else if (badRow.equals("1;100")) {
            text = "META\nkey;value\nbudget;300\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;100\n" + badRow
                    + "\n" + votes;
        } else {
            text = "META\nkey;value\nbudget;300\nvote_type;approval\nPROJECTS\nproject_id;cost\n" + badRow
                    + "\n2;200\n" + votes;
        }

        assertThatThrownBy(() -> reader.parse(text))
                .isInstanceOfSatisfying(PabulibFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.problem()).isEqualTo(problem);
                });
    }

    @Test
    void refusesAMissingSection() {
        String text = META + "PROJECTS\nproject_id;cost\n1;100\n2;100\n";

        assertThatThrownBy(() -> reader.parse(text))
                .isInstanceOfSatisfying(PabulibFormatException.class,
                        e -> assertThat(e.problem()).isEqualTo("section VOTES is missing"));
    }

    @Test
    void refusesAFileThatDoesNotStartWithMeta() {
        assertThatThrownBy(() -> reader.parse("PROJECTS\nproject_id;cost\n"))
                .isInstanceOfSatisfying(PabulibFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.problem()).startsWith("section PROJECTS is out of order");
                });
    }

    @Test
    void refusesCountsThatDisagreeWithTheFile() {
        String text = META + "PROJECTS\nproject_id;cost\n1;100\n2;100\nVOTES\nvoter_id;vote\na;1\nb;2\n";

        assertThatThrownBy(() -> reader.parse(text))
                .isInstanceOfSatisfying(PabulibFormatException.class,
                        e -> assertThat(e.problem()).isEqualTo("num_votes says 3 but the file has 2"));
    }

    @Test
    void refusesPointsThatDoNotMatchTheVote() {
        String text = """
                META
                key;value
                budget;100
                vote_type;cumulative
                PROJECTS
                project_id;cost
                1;50
                2;50
                VOTES
                voter_id;vote;points
                a;1,2;3
                """;

        assertThatThrownBy(() -> reader.parse(text))
                .isInstanceOfSatisfying(PabulibFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(11);
                    assertThat(e.problem()).isEqualTo("voter a has 2 projects in vote but 1 in points");
                });
    }

    @Test
    void refusesAHeaderWithoutCostAndARowWithTooManyFields() {
        String noCost = "META\nkey;value\nbudget;1\nvote_type;approval\nPROJECTS\nproject_id;name\n";
        String tooMany = "META\nkey;value\nbudget;1\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;1;extra\n";

        assertThatThrownBy(() -> reader.parse(noCost)).isInstanceOfSatisfying(PabulibFormatException.class,
                e -> assertThat(e.line()).isEqualTo(6));
        assertThatThrownBy(() -> reader.parse(tooMany)).isInstanceOfSatisfying(PabulibFormatException.class, e -> {
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.problem()).isEqualTo("expected 2 fields as in the header, found 3");
        });
    }

    @Test
    void refusesAnUnknownVoteTypeAndAMissingBudget() {
        String unknownType = "META\nkey;value\nbudget;1\nvote_type;plurality\nPROJECTS\nproject_id;cost\n"
                + "VOTES\nvoter_id;vote\n";
        String noBudget = "META\nkey;value\nvote_type;approval\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n";

        assertThatThrownBy(() -> reader.parse(unknownType)).isInstanceOfSatisfying(PabulibFormatException.class,
                e -> assertThat(e.problem()).isEqualTo("unknown vote_type 'plurality'"));
        assertThatThrownBy(() -> reader.parse(noBudget)).isInstanceOfSatisfying(PabulibFormatException.class,
                e -> assertThat(e.problem()).isEqualTo("META has no budget"));
    }
}
