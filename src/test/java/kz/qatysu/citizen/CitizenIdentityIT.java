package kz.qatysu.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.qatysu.citizen.application.CitizenLoginRefused;
import kz.qatysu.citizen.application.CitizenService;
import kz.qatysu.citizen.application.IdentityClaims;
import kz.qatysu.citizen.domain.SyntheticIins;
import kz.qatysu.platform.testing.RunAsAdmin;
import kz.qatysu.platform.testing.RunAsCitizen;
import kz.qatysu.platform.testing.Deployments;
import kz.qatysu.staff.application.StaffService;
import kz.qatysu.staff.application.UnknownScopeTerritory;
import kz.qatysu.territory.application.KatoImportException;
import kz.qatysu.territory.application.KatoImportService;
import kz.qatysu.territory.application.TerritoryRepository;
import kz.qatysu.territory.domain.KatoCode;
import kz.qatysu.territory.domain.Territory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Citizens, territories and staff scopes on Payara Micro against PostgreSQL with the schema of {@code sql/}: the
 * identity part of the foundation, in the container, with real transactions and security.
 */
@ExtendWith(ArquillianExtension.class)
public class CitizenIdentityIT {

    private static final String BOSTANDYK = "751410000";
    private static final String ESIL = "711210000";

    @Deployment
    public static WebArchive deployment() {
        return Deployments.portalWithTests(CitizenIdentityIT.class, SyntheticIins.class);
    }

    @EJB
    private CitizenService citizens;
    @EJB
    private KatoImportService kato;
    @EJB
    private StaffService staff;
    @EJB
    private RunAsCitizen asCitizen;
    @EJB
    private RunAsAdmin asAdmin;
    @Inject
    private TerritoryRepository territories;
    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private ManagedExecutorService executor;

    private static IdentityClaims claims(String iin, String kato) {
        return new IdentityClaims(iin, "Серікбаев", "Нұрлан", "Асқарұлы", null, kato);
    }

    private long signIn(IdentityClaims claims) throws Exception {
        return asCitizen.call(() -> citizens.signIn(claims));
    }

    private long citizenRows(String iin) {
        return (Long) em.createNativeQuery("select count(*) from citizen where iin = ?1").setParameter(1, iin).getSingleResult();
    }

    @Test
    public void registersACitizenFromValidClaimsAndResolvesTheFullTerritoryPath() throws Exception {
        String iin = SyntheticIins.next();

        long id = signIn(claims(iin, BOSTANDYK));

        var profile = asCitizen.call(() -> citizens.profile(id)).orElseThrow();
        assertThat(profile.fullName()).isEqualTo("Серікбаев Нұрлан Асқарұлы");
        assertThat(profile.maskedIin()).isEqualTo(iin.substring(0, 6) + "******");
        assertThat(profile.territoryCode()).isEqualTo(BOSTANDYK);
        assertThat(profile.territoryPath()).extracting(Territory::nameKk).containsExactly("Алматы", "Бостандық ауданы");
        assertThat(profile.territoryPath()).extracting(Territory::nameRu).containsExactly("Алматы", "Бостандыкский район");
        assertThat(profile.age()).isGreaterThan(120);
        assertThat(citizenRows(iin)).isEqualTo(1);
    }

    @Test
    public void aLaterLoginKeepsTheSameCitizenAndTakesTheRegistryDataAsItIsNow() throws Exception {
        String iin = SyntheticIins.next();
        long first = signIn(claims(iin, BOSTANDYK));

        long second = signIn(new IdentityClaims(iin, "Ахметова", "Айгүл", null, null, ESIL));

        assertThat(second).isEqualTo(first);
        var profile = asCitizen.call(() -> citizens.profile(first)).orElseThrow();
        assertThat(profile.fullName()).isEqualTo("Ахметова Айгүл");
        assertThat(profile.territoryCode()).isEqualTo(ESIL);
        assertThat(em.createNativeQuery("select login_count from citizen where id = ?1").setParameter(1, first)
                .getSingleResult()).isEqualTo(2);
    }

    @Test
    public void refusesAnInvalidIinAndStoresNothing() {
        String invalid = SyntheticIins.withWrongCheckDigit(SyntheticIins.next());

        assertThatThrownBy(() -> signIn(claims(invalid, BOSTANDYK)))
                .isInstanceOf(CitizenLoginRefused.class)
                .extracting(e -> ((CitizenLoginRefused) e).reason()).isEqualTo(CitizenLoginRefused.Reason.INVALID_IIN);
        assertThat(citizenRows(invalid)).isZero();
    }

    @Test
    public void refusesTheDemoUserWithTheInvalidIin() {
        assertThatThrownBy(() -> signIn(claims("800416100255", BOSTANDYK)))
                .isInstanceOf(CitizenLoginRefused.class);
        assertThat(citizenRows("800416100255")).isZero();
    }

    @Test
    public void refusesBinsFullWidthDigitsAndAMissingIin() {
        for (String iin : new String[]{"940140000385", "８００４１６１００２５４", "", null}) {
            assertThatThrownBy(() -> signIn(claims(iin, BOSTANDYK))).as(String.valueOf(iin))
                    .isInstanceOf(CitizenLoginRefused.class);
        }
    }

    @Test
    public void refusesAnUnknownOrMalformedResidenceAndStoresNothing() {
        String iin = SyntheticIins.next();
        for (String kato : new String[]{"751499999", "75141000", "", null}) {
            assertThatThrownBy(() -> signIn(claims(iin, kato))).as(String.valueOf(kato))
                    .isInstanceOf(CitizenLoginRefused.class)
                    .extracting(e -> ((CitizenLoginRefused) e).reason())
                    .isEqualTo(CitizenLoginRefused.Reason.UNKNOWN_TERRITORY);
        }
        assertThat(citizenRows(iin)).isZero();
    }

    @Test
    public void concurrentFirstLoginsOfOnePersonCreateOneCitizen() throws Exception {
        String iin = SyntheticIins.next();
        int n = 12;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<Long> login = () -> {
                start.await();
                return signIn(claims(iin, BOSTANDYK));
            };
            results.add(executor.submit(login));
        }
        start.countDown();
        List<Long> ids = new ArrayList<>();
        for (Future<Long> f : results) {
            ids.add(f.get(60, TimeUnit.SECONDS));
        }

        assertThat(ids).hasSize(n).containsOnly(ids.getFirst());
        assertThat(citizenRows(iin)).isEqualTo(1);
        assertThat(em.createNativeQuery("select login_count from citizen where iin = ?1").setParameter(1, iin)
                .getSingleResult()).isEqualTo(n);
    }

    @Test
    public void signInRequiresTheCitizenRole() {
        assertThatThrownBy(() -> citizens.signIn(claims(SyntheticIins.next(), BOSTANDYK)))
                .isInstanceOf(EJBAccessException.class);
    }

    @Test
    public void theBundledClassifierIsLoadedWithItsEdition() {
        Territory bostandyk = territories.find(KatoCode.of(BOSTANDYK)).orElseThrow();

        assertThat(bostandyk.parent().getCode()).isEqualTo("750000000");
        assertThat(bostandyk.edition().getName()).startsWith("KATO 2025");
        assertThat(territories.count()).isGreaterThanOrEqualTo(36);
    }

    @Test
    public void aClassifierFileWithABadRowImportsNothing() {
        long before = territories.count();
        String file = "code,parent,level,name_en,name_kk,name_ru\n"
                + "790000000,,city-republican,Shymkent,Шымкент,Шымкент\n"
                + "790100000,790000000,district,New,Жаңа,Новый\n"
                + "79020000x,790000000,district,Bad,Бад,Плохой\n";

        assertThatThrownBy(() -> asAdmin.call(() -> kato.importFile(new StringReader(file), "IT bad " + System.nanoTime(), "it")))
                .isInstanceOf(KatoImportException.class)
                .satisfies(e -> assertThat(((KatoImportException) e).problems())
                        .extracting(KatoImportException.Problem::line).containsExactly(4));
        assertThat(territories.count()).isEqualTo(before);
        assertThat(territories.find(KatoCode.of("790100000"))).isEmpty();
    }

    @Test
    public void anOfficialEditionRevisesUnitsAndKeepsTheEnglishNames() throws Exception {
        String edition = "IT official " + System.nanoTime();
        String file = "te;ab;cd;ef;hij;k;name_kaz;name_rus;nn\n"
                + "790000000;79;00;00;000;1;Шымкент;Шымкент;\n"
                + "791210000;79;12;10;000;2;Абай ауданы;Абайский район;\n";

        var summary = asAdmin.call(() -> kato.importFile(new StringReader(file), edition, "it"));

        assertThat(summary.units()).isEqualTo(2);
        Territory shymkent = territories.find(KatoCode.of("790000000")).orElseThrow();
        assertThat(shymkent.nameEn()).isEqualTo("Shymkent");
        assertThat(shymkent.edition().getName()).isEqualTo(edition);
        assertThat(territories.find(KatoCode.of("791210000")).orElseThrow().parent().getCode()).isEqualTo("790000000");
    }

    @Test
    public void importingAClassifierIsForAdminsOnly() {
        assertThatThrownBy(() -> kato.importFile(new StringReader("code,parent,level,name_en,name_kk,name_ru\n"), "x", "it"))
                .isInstanceOf(EJBAccessException.class);
    }

    @Test
    public void anAdminAssignsAStaffScopeOnlyToAKnownTerritory() throws Exception {
        String username = "it.moderator." + System.nanoTime();

        asAdmin.call(() -> {
            staff.assignScope(username, ESIL);
            return null;
        });
        assertThatThrownBy(() -> asAdmin.call(() -> {
            staff.assignScope(username, "799999999");
            return null;
        })).isInstanceOf(UnknownScopeTerritory.class);

        assertThat(asAdmin.call(() -> staff.list())).filteredOn(s -> s.username().equals(username))
                .singleElement().satisfies(s -> assertThat(s.scopeCode()).isEqualTo(ESIL));
        assertThatThrownBy(() -> staff.assignScope(username, BOSTANDYK)).isInstanceOf(EJBAccessException.class);
    }
}
