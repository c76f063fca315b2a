package kz.qatysu.allocation.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why one project was or was not funded. All amounts are exact strings: a plain decimal when the value has a finite
 * decimal expansion, otherwise a fraction {@code numerator/denominator}.
 *
 * @param projectId    the project
 * @param cost         its cost
 * @param votes        voters whose ballot lists it
 * @param totalSupport total satisfaction under the rule's measure (money for cost utilities, a count for
 *                     cardinality, points for point ballots)
 * @param reason       the reason code; {@link ReasonCode#funded()} tells whether it was funded
 * @param step         1-based position in the selection order when funded, otherwise 0
 * @param figures      the numbers behind the reason, keyed as documented on {@link ReasonCode}
 */
public record ProjectExplanation(String projectId, String cost, long votes, String totalSupport, ReasonCode reason,
                                 int step, Map<String, String> figures) {

    public ProjectExplanation {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(totalSupport, "totalSupport");
        Objects.requireNonNull(reason, "reason");
        if (votes < 0) {
            throw new IllegalArgumentException("votes < 0");
        }
        if (reason.funded() != (step > 0)) {
            throw new IllegalArgumentException("a funded project needs a step > 0, an unfunded one step 0");
        }
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    public boolean funded() {
        return reason.funded();
    }
}
