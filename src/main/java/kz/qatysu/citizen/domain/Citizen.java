package kz.qatysu.citizen.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import kz.qatysu.territory.domain.KatoCode;
import kz.qatysu.territory.domain.Territory;

/**
 * A resident known to the platform through the national identity provider. The registry is the source of truth:
 * every login overwrites names and residence with what the identity provider says. The IIN lives only here; every
 * other table refers to the surrogate id.
 */
@Entity
@Table(name = "citizen")
@NamedQuery(name = "Citizen.findByIin", query = "select c from Citizen c where c.iin = :iin")
public class Citizen {

    public static final int MAX_NAME_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private int version;

    @Column(name = "iin", nullable = false, unique = true, length = 12, updatable = false)
    private String iin;

    @Column(name = "surname", nullable = false)
    private String surname;

    @Column(name = "given_name", nullable = false)
    private String givenName;

    @Column(name = "patronymic")
    private String patronymic;

    @Column(name = "birth_date", nullable = false, updatable = false)
    private LocalDate birthDate;

    @Column(name = "sex", nullable = false, length = 1, updatable = false)
    private String sex;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "territory_code")
    private Territory residence;

    /** The residence's code as stored, read without loading the territory (eligibility checks on every ballot). */
    @Column(name = "territory_code", insertable = false, updatable = false)
    private String residenceCode;

    @Column(name = "first_login_at", nullable = false, updatable = false)
    private Instant firstLoginAt;

    @Column(name = "last_login_at", nullable = false)
    private Instant lastLoginAt;

    @Column(name = "login_count", nullable = false)
    private int loginCount;

    protected Citizen() {
        // for JPA
    }

    /** A citizen seen for the first time, from validated registry data. */
    public static Citizen register(Iin iin, PersonName name, Territory residence, Instant now) {
        Citizen c = new Citizen();
        c.iin = iin.value();
        c.birthDate = iin.birthDate();
        c.sex = iin.sex().code();
        c.firstLoginAt = Objects.requireNonNull(now, "now");
        c.loginCount = 0;
        c.signedIn(name, residence, now);
        return c;
    }

    /** Another login: registry data wins over what we had. */
    public void signedIn(PersonName name, Territory residence, Instant now) {
        Objects.requireNonNull(name, "name");
        this.surname = name.surname();
        this.givenName = name.givenName();
        this.patronymic = name.patronymic();
        this.residence = Objects.requireNonNull(residence, "residence");
        this.residenceCode = residence.getCode();
        this.lastLoginAt = Objects.requireNonNull(now, "now");
        this.loginCount++;
    }

    public Long getId() {
        return id;
    }

    public Iin iin() {
        // Stored values were validated on the way in; the date is not re-checked against "today".
        return Iin.parse(iin, LocalDate.MAX);
    }

    public PersonName name() {
        return new PersonName(surname, givenName, patronymic);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return Sex.ofCode(sex);
    }

    public Territory residence() {
        return residence;
    }

    public KatoCode residenceCode() {
        return KatoCode.of(residenceCode);
    }

    public Instant firstLoginAt() {
        return firstLoginAt;
    }

    public Instant lastLoginAt() {
        return lastLoginAt;
    }

    public int loginCount() {
        return loginCount;
    }
}
