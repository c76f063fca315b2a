package kz.qatysu.proposal.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.round.application.RoundCatalog;

/**
 * The native SQL of the public proposal search: only ids or the total come back. The SQL text is assembled from
 * fixed fragments chosen by which filters are present; every value — the visitor's words included — is a
 * positional parameter ({@code ?1}, {@code ?2} …), each used once.
 */
final class ProposalSearchSql {

    /** SQL text and its parameters in position order. */
    record NativeQuery(String sql, List<Object> parameters) {
        NativeQuery {
            parameters = List.copyOf(parameters);
        }
    }

    private static final Pattern ENUM_NAME = Pattern.compile("[A-Z_]+");
    /** Statuses in lifecycle order for sorting; built from the enum's constants, not from input. */
    private static final String STATUS_ORDER;

    static {
        StringBuilder order = new StringBuilder("case p.status");
        for (ProposalStatus s : ProposalStatus.values()) {
            if (!ENUM_NAME.matcher(s.name()).matches()) {
                throw new IllegalStateException("Unexpected status name");
            }
            order.append(" when '").append(s.name()).append("' then ").append(s.ordinal());
        }
        STATUS_ORDER = order.append(" end").toString();
    }

    /** The common table expression with the parsed queries, when searching for words. */
    private final StringBuilder with = new StringBuilder();
    /** From and where clauses. */
    private final StringBuilder body = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();
    private final ProposalFilter filter;
    private final boolean prefixes;

    private ProposalSearchSql(ProposalFilter filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
        this.prefixes = !filter.text().isEmpty() && !filter.text().usesOperators();
        if (!filter.text().isEmpty()) {
            with.append("with terms as (select websearch_to_tsquery('simple', ").append(next(filter.text().text()))
                    .append(") as words");
            if (prefixes) {
                with.append(", to_tsquery('simple', ").append(next(filter.text().prefixQuery())).append(") as prefixes");
            }
            with.append(") ");
        }
        body.append(" from proposal p");
        if (!filter.text().isEmpty()) {
            body.append(" cross join terms");
        }
        body.append(" where p.status in (")
                .append(RoundCatalog.PUBLIC_STATUSES.stream().sorted().map(s -> next(s.name()))
                        .collect(Collectors.joining(", ")))
                .append(")");
        filter.territoryPattern().ifPresent(pattern -> body.append(" and p.territory_code like ").append(next(pattern)));
        if (filter.roundId() != null) {
            body.append(" and p.round_id = ").append(next(filter.roundId()));
        }
        if (filter.category() != null) {
            body.append(" and p.category_code = ").append(next(filter.category()));
        }
        if (filter.status() != null) {
            body.append(" and p.status = ").append(next(filter.status().name()));
        }
        if (!filter.text().isEmpty()) {
            body.append(prefixes
                    ? " and (p.search_vector @@ terms.words or p.search_vector @@ terms.prefixes)"
                    : " and p.search_vector @@ terms.words");
        }
    }

    private String next(Object value) {
        parameters.add(value);
        return "?" + parameters.size();
    }

    /** The number of public proposals matching the filter. */
    static NativeQuery count(ProposalFilter filter) {
        ProposalSearchSql q = new ProposalSearchSql(filter);
        return new NativeQuery(q.with + "select count(*)" + q.body, q.parameters);
    }

    /**
     * The ids of one page of matching public proposals.
     *
     * @param sort {@code null}: by relevance when searching for words, else newest first
     */
    static NativeQuery page(ProposalFilter filter, ProposalSort sort, int first, int max) {
        if (first < 0 || max < 1) {
            throw new IllegalArgumentException("first >= 0 and max >= 1");
        }
        ProposalSearchSql q = new ProposalSearchSql(filter);
        String sql = q.with + "select p.id" + q.body + " order by " + q.order(sort) + ", p.id desc"
                + " limit " + q.next(max) + " offset " + q.next(first);
        return new NativeQuery(sql, q.parameters);
    }

    private String order(ProposalSort sort) {
        if (sort == null) {
            if (filter.text().isEmpty()) {
                return "p.id desc";
            }
            return prefixes ? "ts_rank(p.search_vector, terms.words || terms.prefixes) desc"
                    : "ts_rank(p.search_vector, terms.words) desc";
        }
        String direction = sort.ascending() ? " asc" : " desc";
        return switch (sort.field()) {
            case TITLE -> "p.title" + direction;
            case STATUS -> STATUS_ORDER + direction;
            case COST -> "coalesce(p.assessed_cost, p.estimated_cost)" + direction;
            case NEWEST -> "p.id" + direction;
        };
    }
}
