package kz.qatysu.staff.domain;

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
import java.util.Objects;
import kz.qatysu.territory.domain.Territory;

/**
 * A member of akimat or ministry staff as the application knows them: Keycloak says who they are and which role
 * they have; the territorial scope (a KATO unit whose subtree they may act on) is application data set by an admin.
 */
@Entity
@Table(name = "staff_member")
@NamedQuery(name = "StaffMember.findByUsername", query = "select s from StaffMember s where s.username = :username")
@NamedQuery(name = "StaffMember.findAll", query = "select s from StaffMember s order by s.username")
public class StaffMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private int version;

    @Column(name = "username", nullable = false, unique = true, updatable = false)
    private String username;

    @Column(name = "display_name")
    private String displayName;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "scope_code")
    private Territory scope;

    @Column(name = "scope_assigned_by")
    private String scopeAssignedBy;

    @Column(name = "scope_assigned_at")
    private Instant scopeAssignedAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    protected StaffMember() {
        // for JPA
    }

    public StaffMember(String username) {
        if (username == null || username.isBlank() || username.length() > 100) {
            throw new IllegalArgumentException("A staff member has a username of at most 100 characters");
        }
        this.username = username;
    }

    public void signedIn(String displayName, Instant now) {
        this.displayName = displayName == null || displayName.isBlank() ? null
                : displayName.strip().substring(0, Math.min(displayName.strip().length(), 200));
        this.lastLoginAt = Objects.requireNonNull(now, "now");
    }

    /** Sets (or with {@code null}, withdraws) the territorial scope. */
    public void assignScope(Territory territory, String assignedBy, Instant now) {
        this.scope = territory;
        this.scopeAssignedBy = Objects.requireNonNull(assignedBy, "assignedBy");
        this.scopeAssignedAt = Objects.requireNonNull(now, "now");
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Territory getScope() {
        return scope;
    }

    public String getScopeAssignedBy() {
        return scopeAssignedBy;
    }

    public Instant getScopeAssignedAt() {
        return scopeAssignedAt;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }
}
