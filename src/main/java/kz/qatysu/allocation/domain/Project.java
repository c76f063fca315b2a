package kz.qatysu.allocation.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A project on the ballot.
 *
 * @param id         unique identifier, an arbitrary string (compared as a string, never as a number)
 * @param cost       exact non-negative cost
 * @param attributes further descriptive columns (name, category, ...) in their original order; never used by rules
 */
public record Project(String id, Rational cost, Map<String, String> attributes) {

    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cost, "cost");
        if (id.isBlank()) {
            throw new IllegalArgumentException("project id is blank");
        }
        if (cost.signum() < 0) {
            throw new IllegalArgumentException("project " + id + " has a negative cost: " + cost);
        }
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(attributes, "attributes")));
    }

    public Project(String id, Rational cost) {
        this(id, cost, Map.of());
    }

    /** The {@code name} attribute, or the id when there is none. */
    public String displayName() {
        return attributes.getOrDefault("name", id);
    }
}
