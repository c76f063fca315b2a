package kz.qatysu.territory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One imported edition of the classifier: which file, when, and how many units it held. */
@Entity
@Table(name = "kato_edition")
@NamedQuery(name = "KatoEdition.findByName", query = "select e from KatoEdition e where e.name = :name")
@NamedQuery(name = "KatoEdition.findAll", query = "select e from KatoEdition e order by e.importedAt desc")
public class KatoEdition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, unique = true)
    private String name;

    @Column(name = "source", nullable = false)
    private String source;

    @Column(name = "layout", nullable = false)
    private String layout;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @Column(name = "unit_count", nullable = false)
    private int unitCount;

    protected KatoEdition() {
        // for JPA
    }

    public KatoEdition(String name, String source, String layout, Instant importedAt, int unitCount) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("An edition has a name of at most 100 characters");
        }
        this.name = name.strip();
        this.source = Objects.requireNonNull(source, "source");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.importedAt = Objects.requireNonNull(importedAt, "importedAt");
        this.unitCount = unitCount;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSource() {
        return source;
    }

    public String getLayout() {
        return layout;
    }

    public Instant getImportedAt() {
        return importedAt;
    }

    public int getUnitCount() {
        return unitCount;
    }
}
