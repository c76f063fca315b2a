package kz.qatysu.proposal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qatysu.proposal.application.ProposalSearchSql.NativeQuery;
import kz.qatysu.proposal.application.ProposalSort.Field;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.round.application.RoundCatalog;
import org.junit.jupiter.api.Test;

class ProposalSearchSqlTest {

    private static final String HOSTILE = "'; drop table proposal; -- \" or 1=1 <script>alert(1)</script>";

    /** Every positional parameter appears exactly once, numbered 1..n in order, and there is a value for each. */
    private static void assertParametersBound(NativeQuery q) {
        Matcher m = Pattern.compile("\\?(\\d+)").matcher(q.sql());
        int expected = 1;
        while (m.find()) {
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(expected++);
        }
        assertThat(q.parameters()).hasSize(expected - 1);
    }

    @Test
    void withoutFiltersOnlyPublicStatusesAreCountedAndListedNewestFirst() {
        NativeQuery count = ProposalSearchSql.count(ProposalFilter.none());
        NativeQuery page = ProposalSearchSql.page(ProposalFilter.none(), null, 20, 10);

        assertThat(count.sql()).startsWith("select count(*) from proposal p where p.status in (");
        assertThat(count.parameters()).containsExactlyInAnyOrderElementsOf(
                RoundCatalog.PUBLIC_STATUSES.stream().map(Enum::name).toList());
        assertThat(count.parameters()).doesNotContain("DRAFT", "SUBMITTED", "UNDER_MODERATION", "WITHDRAWN");
        assertThat(page.sql()).startsWith("select p.id from proposal p where p.status in (")
                .endsWith(" order by p.id desc, p.id desc limit ?" + (RoundCatalog.PUBLIC_STATUSES.size() + 1)
                        + " offset ?" + (RoundCatalog.PUBLIC_STATUSES.size() + 2));
        assertThat(page.parameters()).endsWith(10, 20);
        assertParametersBound(count);
        assertParametersBound(page);
    }

    @Test
    void everyFilterIsABoundParameterAndTheWordsNeverEnterTheSql() {
        ProposalFilter filter = ProposalFilter.parse("750000000", 7L, "parks", "feasible", HOSTILE);

        NativeQuery q = ProposalSearchSql.page(filter, null, 0, 10);

        assertThat(q.sql()).doesNotContain("drop").doesNotContain("script").doesNotContain("1=1").doesNotContain("75");
        assertThat(q.sql()).contains("websearch_to_tsquery('simple', ?1)", "p.territory_code like ?",
                "p.round_id = ?", "p.category_code = ?", "p.status = ?", "p.search_vector @@ terms.words");
        assertThat(q.parameters()).contains("75%", 7L, "parks", ProposalStatus.FEASIBLE.name());
        assertThat(q.parameters().get(0)).isEqualTo(filter.text().text());
        assertParametersBound(q);
    }

    @Test
    void plainWordsAlsoMatchAsPrefixesAndRankByRelevance() {
        ProposalFilter filter = ProposalFilter.parse(null, null, null, null, "саяб жарық");

        NativeQuery q = ProposalSearchSql.page(filter, null, 0, 10);

        assertThat(q.sql()).startsWith("with terms as (select websearch_to_tsquery('simple', ?1) as words,"
                + " to_tsquery('simple', ?2) as prefixes) select p.id from proposal p cross join terms where");
        assertThat(q.sql()).contains("(p.search_vector @@ terms.words or p.search_vector @@ terms.prefixes)")
                .contains("order by ts_rank(p.search_vector, terms.words || terms.prefixes) desc, p.id desc");
        assertThat(q.parameters()).startsWith("саяб жарық", "'саяб':* & 'жарық':*");
        assertParametersBound(q);
        assertParametersBound(ProposalSearchSql.count(filter));
    }

    @Test
    void websearchSyntaxIsSearchedAsWrittenWithoutPrefixes() {
        ProposalFilter filter = ProposalFilter.parse(null, null, null, null, "\"детская площадка\" -гараж");

        NativeQuery q = ProposalSearchSql.count(filter);

        assertThat(q.sql()).doesNotContain(", to_tsquery(").doesNotContain("prefixes")
                .contains("p.search_vector @@ terms.words");
        assertParametersBound(q);
    }

    @Test
    void sortingIsByFixedExpressionsOnly() {
        ProposalFilter filter = ProposalFilter.none();

        assertThat(ProposalSearchSql.page(filter, new ProposalSort(Field.TITLE, true), 0, 5).sql())
                .contains("order by p.title asc, p.id desc");
        assertThat(ProposalSearchSql.page(filter, new ProposalSort(Field.COST, false), 0, 5).sql())
                .contains("order by coalesce(p.assessed_cost, p.estimated_cost) desc, p.id desc");
        assertThat(ProposalSearchSql.page(filter, new ProposalSort(Field.STATUS, true), 0, 5).sql())
                .contains("order by case p.status when 'DRAFT' then 0 when 'SUBMITTED' then 1")
                .contains(" end asc, p.id desc");
    }

    @Test
    void refusesANegativeOffsetOrAnEmptyPage() {
        assertThatThrownBy(() -> ProposalSearchSql.page(ProposalFilter.none(), null, -1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProposalSearchSql.page(ProposalFilter.none(), null, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
