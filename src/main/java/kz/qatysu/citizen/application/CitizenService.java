package kz.qatysu.citizen.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.citizen.domain.Iin;
import kz.qatysu.citizen.domain.InvalidIin;
import kz.qatysu.citizen.domain.PersonName;
import kz.qatysu.platform.security.Roles;
import kz.qatysu.territory.application.TerritoryRepository;
import kz.qatysu.territory.domain.KatoCode;
import kz.qatysu.territory.domain.Territory;

/** Registers citizens from the identity provider's data and reads their profile. */
@Stateless
public class CitizenService {

    /** A citizen's cabinet view: everything the page shows, nothing it should not. */
    public record CitizenProfile(long id, String fullName, String maskedIin, int age, String sexCode,
                                 String territoryCode, List<Territory> territoryPath, Instant firstLoginAt) {
    }

    @Inject
    private CitizenRepository citizens;
    @Inject
    private TerritoryRepository territories;
    @Inject
    private Clock clock;
    @Inject
    private Logger logger;

    /**
     * Validates the identity claims of a fresh login and creates or updates the citizen: registry data wins.
     *
     * @return the citizen's surrogate id
     * @throws CitizenLoginRefused when the IIN is missing or invalid, the residence is unknown or the names are
     *                             malformed; nothing is stored then
     */
    @RolesAllowed(Roles.CITIZEN)
    public long signIn(IdentityClaims claims) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Iin iin = parseIin(claims.iin(), today);
        PersonName name;
        try {
            name = new PersonName(claims.surname(), claims.givenName(), claims.patronymic());
        } catch (IllegalArgumentException e) {
            throw refused(CitizenLoginRefused.Reason.INVALID_NAME, iin);
        }
        Territory residence = Optional.ofNullable(claims.kato())
                .filter(KatoCode::isWellFormed)
                .map(KatoCode::of)
                .flatMap(territories::find)
                .orElseThrow(() -> refused(CitizenLoginRefused.Reason.UNKNOWN_TERRITORY, iin));
        if (claims.birthdate() != null && !claims.birthdate().equals(iin.birthDate().toString())) {
            logger.log(Level.WARNING, "Registry birth date differs from the one encoded in IIN {0}; the IIN wins",
                    iin.masked());
        }

        citizens.lockIdentity(iin);
        Citizen citizen = citizens.findByIin(iin).orElse(null);
        if (citizen == null) {
            citizen = citizens.add(Citizen.register(iin, name, residence, now));
            logger.log(Level.INFO, "Citizen {0} registered (IIN {1})", new Object[]{citizen.getId(), iin.masked()});
        } else {
            citizen.signedIn(name, residence, now);
        }
        return citizen.getId();
    }

    private Iin parseIin(String raw, LocalDate today) {
        if (raw == null || raw.isEmpty()) {
            throw refused(CitizenLoginRefused.Reason.MISSING_IIN, null);
        }
        try {
            return Iin.parse(raw, today);
        } catch (InvalidIin e) {
            logger.log(Level.WARNING, "Login refused: invalid IIN {0} ({1})", new Object[]{Iin.mask(raw), e.reason()});
            throw new CitizenLoginRefused(CitizenLoginRefused.Reason.INVALID_IIN);
        }
    }

    private CitizenLoginRefused refused(CitizenLoginRefused.Reason reason, Iin iin) {
        logger.log(Level.WARNING, "Login refused: {0} for IIN {1}", new Object[]{reason, iin == null ? "-" : iin.masked()});
        return new CitizenLoginRefused(reason);
    }

    @RolesAllowed(Roles.CITIZEN)
    public Optional<CitizenProfile> profile(long citizenId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        return citizens.find(citizenId).map(c -> new CitizenProfile(
                c.getId(), c.name().fullName(), c.iin().masked(), c.iin().ageOn(today), c.sex().code(),
                c.residence().getCode(), territories.path(c.residence().code()), c.firstLoginAt()));
    }
}
