package kz.qatysu.anomaly.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kz.qatysu.platform.security.Roles;
import kz.qatysu.staff.application.StaffService;
import kz.qatysu.staff.domain.StaffScope;
import kz.qatysu.territory.domain.KatoCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Flags for the moderators' review — never a rejection: bursts of web and mobile casts from one network or one device
 * in a short window, residence units whose share of paper ballots is far above their round's, and meetings that
 * recorded more attendees than the territory has eligible residents. Each flag names what to look at; deciding is
 * a person's job. Staff see the flags of their own territory only (analysts and admins: all).
 */
@Stateless
@RolesAllowed({Roles.MODERATOR, Roles.ANALYST, Roles.ADMIN})
public class AnomalyReport {

    /** What a flag is about. */
    public enum Kind { NETWORK_BURST, DEVICE_BURST, PAPER_SHARE, MEETING_ATTENDANCE }

    /**
     * One thing to review.
     *
     * @param subject  the network prefix, the device hash's first 12 hex digits, the residence unit's code, or the
     *                 meeting's id
     * @param observed casts in the window, the unit's paper share in percent, or the attendees
     * @param expected the burst threshold, the round's paper share in percent, or the eligible residents
     */
    public record Flag(Kind kind, Long roundId, Long meetingId, String territoryCode, String subject, Instant from,
                       Instant to, long observed, long expected) {
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @EJB
    private StaffService staff;

    @Inject
    @ConfigProperty(name = "qatysu.anomaly.burst-window", defaultValue = "PT10M")
    Duration burstWindow;
    @Inject
    @ConfigProperty(name = "qatysu.anomaly.burst-threshold", defaultValue = "20")
    int burstThreshold;
    @Inject
    @ConfigProperty(name = "qatysu.anomaly.paper-share-factor", defaultValue = "3")
    int paperShareFactor;
    @Inject
    @ConfigProperty(name = "qatysu.anomaly.paper-min-participants", defaultValue = "20")
    int paperMinParticipants;

    /** Every flag within the caller's territory, most recent first (at most 500 of each kind). */
    public List<Flag> flags() {
        StaffScope scope = staff.callerScope();
        List<Flag> flags = new ArrayList<>();
        flags.addAll(bursts(Kind.NETWORK_BURST, "network"));
        flags.addAll(bursts(Kind.DEVICE_BURST, "device"));
        flags.addAll(paperShares());
        flags.addAll(meetings());
        return flags.stream().filter(f -> scope.covers(KatoCode.of(f.territoryCode())))
                .sorted(Comparator.comparing(Flag::from, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Flag::kind))
                .toList();
    }

    /**
     * Bursts in a sliding window: for every minute with a cast from the network or device, the casts in the window
     * that starts there; windows reaching the threshold that overlap make one episode, reported by its densest window
     * (a burst that straddles the boundary of fixed windows is still seen whole).
     */
    @SuppressWarnings("unchecked")
    private List<Flag> bursts(Kind kind, String column) {
        long seconds = Math.max(60, burstWindow.toSeconds() / 60 * 60);
        List<Object[]> rows = em.createNativeQuery("with s as (select round_id, " + column + " k, cast_minute m, "
                        + "count(*) n from cast_signal where (round_id, " + column + ") in (select round_id, " + column
                        + " from cast_signal group by 1, 2 having count(*) >= ?2) group by 1, 2, 3), "
                        + "w as (select round_id, k, m, sum(n) over (partition by round_id, k order by m "
                        + "range between current row and ?3 * interval '1 second' following) c from s), "
                        + "q as (select round_id, k, m, c, case when m - lag(m) over (partition by round_id, k order by m) "
                        + "< ?1 * interval '1 second' then 0 else 1 end brk from w where c >= ?2), "
                        + "e as (select round_id, k, m, c, sum(brk) over (partition by round_id, k order by m) episode from q), "
                        + "d as (select distinct on (round_id, k, episode) round_id, k, m, c from e "
                        + "order by round_id, k, episode, c desc, m) "
                        + "select d.round_id, r.territory_code, d.k, d.m, d.c from d join budget_round r on r.id = d.round_id "
                        + "order by d.m desc limit 500")
                .setParameter(1, (double) seconds).setParameter(2, burstThreshold)
                .setParameter(3, (double) (seconds - 60)).getResultList();
        return rows.stream().map(r -> {
            Instant from = ((Timestamp) r[3]).toInstant();
            String subject = ((String) r[2]).strip();
            return new Flag(kind, ((Number) r[0]).longValue(), null, ((String) r[1]).strip(),
                    kind == Kind.DEVICE_BURST ? subject.substring(0, 12) : subject, from, from.plusSeconds(seconds),
                    ((Number) r[4]).longValue(), burstThreshold);
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Flag> paperShares() {
        List<Object[]> rows = em.createNativeQuery("with unit as (select p.round_id, c.territory_code, count(*) n, "
                        + "count(*) filter (where p.channel = 'PAPER') paper from voting_participation p "
                        + "join citizen c on c.id = p.citizen_id where p.casts > 0 group by p.round_id, c.territory_code), "
                        + "round as (select round_id, sum(n) n, sum(paper) paper from unit group by round_id) "
                        + "select u.round_id, u.territory_code, u.n, u.paper, r.n, r.paper from unit u "
                        + "join round r on r.round_id = u.round_id "
                        + "where r.paper > 0 and u.n >= ?1 and u.paper * r.n >= ?2 * r.paper * u.n "
                        + "order by u.round_id desc limit 500")
                .setParameter(1, paperMinParticipants).setParameter(2, paperShareFactor).getResultList();
        return rows.stream().map(r -> {
            long n = ((Number) r[2]).longValue();
            long paper = ((Number) r[3]).longValue();
            long roundN = ((Number) r[4]).longValue();
            long roundPaper = ((Number) r[5]).longValue();
            return new Flag(Kind.PAPER_SHARE, ((Number) r[0]).longValue(), null, ((String) r[1]).strip(),
                    ((String) r[1]).strip(), null, null, Math.round(100.0 * paper / n),
                    Math.round(100.0 * roundPaper / roundN));
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Flag> meetings() {
        List<Object[]> rows = em.createNativeQuery("select m.id, m.territory_code, m.held_on, "
                        + "(select count(*) from community_meeting_attendee a where a.meeting_id = m.id) attendees, "
                        + "least(coalesce(m.eligible_residents, 2147483647), "
                        + "coalesce(e.eligible_residents, 2147483647)) eligible "
                        + "from community_meeting m left join eligible_population e on e.territory_code = m.territory_code "
                        + "where (m.eligible_residents is not null or e.eligible_residents is not null) "
                        + "and (select count(*) from community_meeting_attendee a where a.meeting_id = m.id) > "
                        + "least(coalesce(m.eligible_residents, 2147483647), coalesce(e.eligible_residents, 2147483647)) "
                        + "order by m.held_on desc limit 500").getResultList();
        return rows.stream().map(r -> {
            Instant day = ((java.sql.Date) r[2]).toLocalDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            return new Flag(Kind.MEETING_ATTENDANCE, null, ((Number) r[0]).longValue(), ((String) r[1]).strip(),
                    String.valueOf(((Number) r[0]).longValue()), day, null, ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue());
        }).toList();
    }
}
