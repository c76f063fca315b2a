package kz.qatysu.anomaly.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.anomaly.domain.NetworkPrefix;
import kz.qatysu.voting.application.VotingKeys;
import kz.qatysu.voting.domain.Channel;

/**
 * Records where a web or mobile cast came from, for the anomaly report: the network prefix, a keyed hash of the
 * client's user agent and language, the minute. In its own transaction after the ballot is stored: a signal that
 * cannot be written is logged and lost, never the ballot.
 */
@Stateless
@PermitAll
public class CastSignals {

    private static final Logger LOGGER = Logger.getLogger(CastSignals.class.getName());
    private static final int MAX_MATERIAL = 1000;

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Inject
    private VotingKeys keys;
    @Inject
    private Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(long roundId, Channel channel, String remoteAddress, String userAgent, String language) {
        requireSignalled(channel);
        try {
            insert(roundId, channel, remoteAddress, userAgent, language, clock.instant());
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "A cast signal of round " + roundId + " was not recorded", e);
        }
    }

    /**
     * Records the signal of a cast made at {@code at} inside the caller's transaction (the demo's synthetic
     * electorate, which writes ballots and their signals together).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordWithin(long roundId, Channel channel, String remoteAddress, String userAgent, String language,
                             Instant at) {
        requireSignalled(channel);
        insert(roundId, channel, remoteAddress, userAgent, language, at);
    }

    private static void requireSignalled(Channel channel) {
        if (channel != Channel.WEB && channel != Channel.MOBILE) {
            throw new IllegalArgumentException("signals are recorded for web and mobile casts only");
        }
    }

    private void insert(long roundId, Channel channel, String remoteAddress, String userAgent, String language,
                        Instant at) {
        String material = (userAgent == null ? "" : userAgent) + "\n" + (language == null ? "" : language);
        em.createNativeQuery("insert into cast_signal (round_id, channel, cast_minute, network, device) "
                        + "values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, roundId).setParameter(2, channel.name())
                .setParameter(3, Timestamp.from(at.truncatedTo(ChronoUnit.MINUTES)))
                .setParameter(4, NetworkPrefix.of(remoteAddress))
                .setParameter(5, keys.deviceHash(material.length() > MAX_MATERIAL
                        ? material.substring(0, MAX_MATERIAL) : material))
                .executeUpdate();
    }
}
