package kz.qatysu.proposal.application;

import java.io.Serializable;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.round.application.RoundCatalog;
import kz.qatysu.territory.domain.KatoCode;

/**
 * The filters of the public proposal list, read leniently from the query string of a bookmarkable URL: a value
 * that is malformed (or a status that is not public) is dropped rather than refused, so a hand-edited link still
 * shows a list. Every listed proposal has a public status whatever the filter says.
 *
 * @param territory a KATO unit: proposals of that unit and every unit inside it (a city includes its districts)
 * @param roundId   one round
 * @param category  a category code
 * @param status    one of {@link RoundCatalog#PUBLIC_STATUSES}
 * @param text      words to find in title and description
 */
public record ProposalFilter(KatoCode territory, Long roundId, String category, ProposalStatus status,
                             SearchTerms text) implements Serializable {

    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public ProposalFilter {
        if (status != null && !RoundCatalog.PUBLIC_STATUSES.contains(status)) {
            throw new IllegalArgumentException("Only public statuses can be filtered on");
        }
        text = text == null ? SearchTerms.none() : text;
    }

    /** All public proposals. */
    public static ProposalFilter none() {
        return new ProposalFilter(null, null, null, null, SearchTerms.none());
    }

    /**
     * The filter of the query parameters {@code territory}, {@code round} (already read as an id), {@code category},
     * {@code status} and {@code q}.
     */
    public static ProposalFilter parse(String territory, Long roundId, String category, String status, String q) {
        return new ProposalFilter(
                KatoCode.isWellFormed(territory) ? KatoCode.of(territory) : null,
                roundId,
                category != null && CATEGORY.matcher(category).matches() ? category : null,
                publicStatus(status).orElse(null),
                SearchTerms.parse(q));
    }

    /** A public status by its code ({@code under-review}). */
    public static Optional<ProposalStatus> publicStatus(String code) {
        return RoundCatalog.PUBLIC_STATUSES.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The KATO prefix for {@code like}: {@code 751410000 -> 751410%}, {@code 750000000 -> 75%}. */
    public Optional<String> territoryPattern() {
        return Optional.ofNullable(territory).map(t -> t.significantPrefix() + "%");
    }
}
