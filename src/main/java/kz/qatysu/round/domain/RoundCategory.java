package kz.qatysu.round.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.regex.Pattern;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.text.CleanText;

/** A category of projects in a round (parks, roads, schools …), with an optional budget of its own. */
@Embeddable
public class RoundCategory {

    public static final int MAX_NAME_LENGTH = 200;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    @Column(name = "code", length = 40, nullable = false)
    private String code;

    @Column(name = "name_kk", nullable = false, length = MAX_NAME_LENGTH)
    private String nameKk;

    @Column(name = "name_ru", nullable = false, length = MAX_NAME_LENGTH)
    private String nameRu;

    @Column(name = "name_en", length = MAX_NAME_LENGTH)
    private String nameEn;

    @Column(name = "budget")
    private Long budget;

    protected RoundCategory() {
        // for JPA
    }

    /**
     * A category.
     *
     * @param code   stable code, lower-case ASCII letters, digits and '-', at most 40
     * @param budget whole tenge reserved for the category, or {@code null}
     */
    public RoundCategory(String code, String nameKk, String nameRu, String nameEn, Long budget) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new DomainRuleViolation("round.error.category-code");
        }
        if (budget != null && budget <= 0) {
            throw new DomainRuleViolation("round.error.category-budget");
        }
        this.code = code;
        this.nameKk = CleanText.required(nameKk, MAX_NAME_LENGTH, false, "round.error.category-name");
        this.nameRu = CleanText.required(nameRu, MAX_NAME_LENGTH, false, "round.error.category-name");
        this.nameEn = CleanText.optional(nameEn, MAX_NAME_LENGTH, false, "round.error.category-name");
        this.budget = budget;
    }

    public String code() {
        return code;
    }

    public String nameKk() {
        return nameKk;
    }

    public String nameRu() {
        return nameRu;
    }

    public String nameEn() {
        return nameEn;
    }

    public Long budget() {
        return budget;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoundCategory other && code.equals(other.code) && nameKk.equals(other.nameKk)
                && nameRu.equals(other.nameRu) && Objects.equals(nameEn, other.nameEn)
                && Objects.equals(budget, other.budget);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }
}
