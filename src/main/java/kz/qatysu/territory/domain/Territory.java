package kz.qatysu.territory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Locale;
import java.util.Objects;

/** One unit of the administrative-territorial classifier, with its names in Kazakh, Russian and English. */
@Entity
@Table(name = "territory")
@NamedQuery(name = "Territory.findAll", query = "select t from Territory t order by t.code")
@NamedQuery(name = "Territory.countAll", query = "select count(t) from Territory t")
public class Territory {

    @Id
    @Column(name = "code", length = 9)
    private String code;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_code")
    private Territory parent;

    @Column(name = "level", nullable = false)
    private String level;

    @Column(name = "name_kk", nullable = false)
    private String nameKk;

    @Column(name = "name_ru", nullable = false)
    private String nameRu;

    @Column(name = "name_en")
    private String nameEn;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "edition_id")
    private KatoEdition edition;

    protected Territory() {
        // for JPA
    }

    public Territory(KatoCode code, Territory parent, String level, String nameKk, String nameRu, String nameEn,
                     KatoEdition edition) {
        this.code = Objects.requireNonNull(code, "code").value();
        this.parent = parent;
        this.edition = Objects.requireNonNull(edition, "edition");
        rename(level, nameKk, nameRu, nameEn);
    }

    /** Applies a newer edition of the classifier to this unit. */
    public void revise(Territory parent, String level, String nameKk, String nameRu, String nameEn, KatoEdition edition) {
        this.parent = parent;
        this.edition = Objects.requireNonNull(edition, "edition");
        // The official classifier has no English names: keep the ones an earlier edition gave.
        rename(level, nameKk, nameRu, isBlank(nameEn) ? this.nameEn : nameEn);
    }

    private void rename(String level, String nameKk, String nameRu, String nameEn) {
        if (isBlank(nameKk) || isBlank(nameRu)) {
            throw new IllegalArgumentException("A territory has Kazakh and Russian names");
        }
        this.level = isBlank(level) ? "unit" : level.strip();
        this.nameKk = nameKk.strip();
        this.nameRu = nameRu.strip();
        this.nameEn = isBlank(nameEn) ? null : nameEn.strip();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public KatoCode code() {
        return KatoCode.of(code);
    }

    public String getCode() {
        return code;
    }

    public Territory parent() {
        return parent;
    }

    public String level() {
        return level;
    }

    public KatoEdition edition() {
        return edition;
    }

    /** The name in the given language; English falls back to Russian where the classifier has none. */
    public String name(Locale locale) {
        return switch (locale == null ? "" : locale.getLanguage()) {
            case "kk" -> nameKk;
            case "en" -> nameEn != null ? nameEn : nameRu;
            default -> nameRu;
        };
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
}
