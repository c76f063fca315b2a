package kz.qatysu.staff.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.security.Roles;
import kz.qatysu.staff.domain.StaffMember;
import kz.qatysu.staff.domain.StaffScope;
import kz.qatysu.territory.application.TerritoryRepository;
import kz.qatysu.territory.domain.KatoCode;
import kz.qatysu.territory.domain.Territory;

/** Staff members, their roles (from Keycloak) and territorial scopes (application data). */
@Stateless
public class StaffService {

    /** What the staff landing page shows. */
    public record StaffLanding(String username, String displayName, List<String> roles, StaffScope scope,
                               List<Territory> scopePath) {
    }

    /** One row of the admin's staff list. */
    public record StaffSummary(String username, String displayName, String scopeCode, String scopeAssignedBy) {
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private SessionContext session;
    @Inject
    private TerritoryRepository territories;
    @Inject
    private Clock clock;
    @Inject
    private Logger logger;

    /** Records the caller's login and returns what their landing page shows. */
    @RolesAllowed({Roles.MODERATOR, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    public StaffLanding signIn(String displayName) {
        String username = session.getCallerPrincipal().getName();
        StaffMember member = findOrCreate(username);
        member.signedIn(displayName, clock.instant());
        List<String> roles = callerRoles();
        StaffScope scope = scopeOf(member, roles);
        List<Territory> path = scope.kind() == StaffScope.Kind.SUBTREE ? territories.path(scope.territory()) : List.of();
        return new StaffLanding(username, member.getDisplayName(), List.copyOf(roles), scope, path);
    }

    /** The territorial scope of the calling staff member, for other features' checks. */
    @RolesAllowed({Roles.MODERATOR, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    public StaffScope callerScope() {
        List<String> roles = callerRoles();
        if (coversEverything(roles)) {
            return StaffScope.ALL; // from the token's roles alone: no need to read the member's record
        }
        return scopeOf(find(session.getCallerPrincipal().getName()).orElse(null), roles);
    }

    private static boolean coversEverything(List<String> roles) {
        return roles.contains(Roles.ADMIN) || roles.contains(Roles.ANALYST);
    }

    /**
     * Refuses unless the caller's territorial scope covers the unit: the check every staff action on a territory's
     * data goes through, whatever page or request it came from.
     *
     * @throws AccessRefused {@code staff.error.out-of-scope}
     */
    @RolesAllowed({Roles.MODERATOR, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    public StaffScope requireScope(KatoCode territory) {
        StaffScope scope = callerScope();
        if (!scope.covers(territory)) {
            logger.log(Level.WARNING, "Staff member {0} refused outside their scope: {1}",
                    new Object[]{session.getCallerPrincipal().getName(), territory.value()});
            throw new AccessRefused("staff.error.out-of-scope");
        }
        return scope;
    }

    private List<String> callerRoles() {
        List<String> roles = new ArrayList<>();
        for (String role : Roles.STAFF) {
            if (session.isCallerInRole(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static StaffScope scopeOf(StaffMember member, List<String> roles) {
        if (coversEverything(roles)) {
            return StaffScope.ALL;
        }
        if (member == null || member.getScope() == null) {
            return StaffScope.NONE;
        }
        return StaffScope.subtree(member.getScope().code());
    }

    @RolesAllowed(Roles.ADMIN)
    public List<StaffSummary> list() {
        return em.createNamedQuery("StaffMember.findAll", StaffMember.class).getResultStream()
                .map(s -> new StaffSummary(s.getUsername(), s.getDisplayName(),
                        s.getScope() == null ? null : s.getScope().getCode(), s.getScopeAssignedBy()))
                .toList();
    }

    /**
     * Sets the territorial scope of a staff member (creating the record if they have not logged in yet).
     *
     * @param katoCode the unit whose subtree they may act on, or {@code null} to withdraw the scope
     * @throws UnknownScopeTerritory when the code is malformed or not in the classifier
     */
    @RolesAllowed(Roles.ADMIN)
    public void assignScope(String username, String katoCode) {
        assignScopeAs(username, katoCode, session.getCallerPrincipal().getName());
    }

    /** For the system itself (the demo-data loader at start-up), not reachable from any page or API. */
    @jakarta.annotation.security.PermitAll
    public void assignScopeAs(String username, String katoCode, String assignedBy) {
        Territory territory = null;
        if (katoCode != null && !katoCode.isBlank()) {
            String code = katoCode.strip();
            if (!KatoCode.isWellFormed(code)) {
                throw new UnknownScopeTerritory();
            }
            territory = territories.find(KatoCode.of(code)).orElseThrow(UnknownScopeTerritory::new);
        }
        StaffMember member = findOrCreate(username == null ? "" : username.strip());
        member.assignScope(territory, assignedBy, clock.instant());
        logger.log(Level.INFO, "Scope of staff member {0} set to {1} by {2}",
                new Object[]{member.getUsername(), territory == null ? "none" : territory.getCode(), assignedBy});
    }

    private Optional<StaffMember> find(String username) {
        return em.createNamedQuery("StaffMember.findByUsername", StaffMember.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    private StaffMember findOrCreate(String username) {
        return find(username).orElseGet(() -> {
            StaffMember member = new StaffMember(username);
            em.persist(member);
            return member;
        });
    }
}
