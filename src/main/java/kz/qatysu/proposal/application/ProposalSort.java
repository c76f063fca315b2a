package kz.qatysu.proposal.application;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The order of the public proposal list: one of a fixed set of columns, up or down. */
public record ProposalSort(Field field, boolean ascending) implements Serializable {

    /** Columns the list can be sorted by; each maps to a fixed SQL expression. */
    public enum Field {
        TITLE, STATUS, COST, NEWEST;

        /** The field of a column key ({@code title}, {@code status}, {@code cost}, {@code newest}), if sortable. */
        public static Optional<Field> of(String key) {
            if (key == null) {
                return Optional.empty();
            }
            for (Field f : values()) {
                if (f.name().toLowerCase(Locale.ROOT).equals(key)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    public ProposalSort {
        Objects.requireNonNull(field, "field");
    }
}
