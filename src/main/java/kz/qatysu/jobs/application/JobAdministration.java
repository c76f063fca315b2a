package kz.qatysu.jobs.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kz.qatysu.audit.application.AuditTrail;
import kz.qatysu.platform.batch.BatchJobs;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.security.Roles;
import kz.qatysu.registry.application.OutboxMessage;
import kz.qatysu.registry.application.OutboxStore;

/**
 * What operators do with the batch jobs from the admin page: start a job now, restart a failed execution, see the
 * executions, the counting progress and the registry outbox, and send a dead message again. Every action is audited.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class JobAdministration {

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Inject
    private BatchJobs jobs;
    @Inject
    private OutboxStore outbox;
    @EJB
    private AuditTrail audit;
    @Inject
    private Clock clock;
    @Resource
    private SessionContext session;

    /** A round's count as the page shows it: ballots tallied of those counted in the round. */
    public record CountProgress(long roundId, String status, long tallied, long counted) {
        public int percent() {
            return counted == 0 ? 100 : (int) Math.min(100, tallied * 100 / counted);
        }
    }

    /**
     * Starts a job now.
     *
     * @return the execution id
     * @throws DomainRuleViolation {@code jobs.error.running} when the job already runs somewhere
     */
    public long start(String job) {
        if (!BatchJobs.JOBS.contains(job)) {
            throw new DomainRuleViolation("jobs.error.unknown");
        }
        long id = jobs.start(job, new Properties()).orElseThrow(() -> new DomainRuleViolation("jobs.error.running"));
        audit.record(caller(), "job.start", "JobExecution", id, null, Map.of("job", job));
        return id;
    }

    /**
     * Restarts a failed or stopped execution from its checkpoint.
     *
     * @throws DomainRuleViolation {@code jobs.error.running} or {@code jobs.error.not-restartable}
     */
    public long restart(long executionId) {
        BatchJobs.ExecutionView execution = jobs.execution(executionId);
        if (!execution.restartable()) {
            throw new DomainRuleViolation("jobs.error.not-restartable");
        }
        long id = jobs.restart(executionId).orElseThrow(() -> new DomainRuleViolation("jobs.error.running"));
        audit.record(caller(), "job.restart", "JobExecution", id, null,
                Map.of("job", execution.job(), "restartOf", executionId));
        return id;
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<BatchJobs.ExecutionView> executions() {
        return jobs.executions(20);
    }

    @SuppressWarnings("unchecked")
    public List<CountProgress> counts() {
        List<Object[]> rows = em.createNativeQuery("select c.round_id, c.status, c.ballots, (select count(*) from ballot b "
                + "where b.round_id = c.round_id and b.superseded_at is null) from round_count c "
                + "order by c.started_at desc limit 20").getResultList();
        return rows.stream().map(r -> new CountProgress(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
    }

    public List<OutboxMessage> outbox() {
        return outbox.messages(null, 50);
    }

    public List<OutboxMessage> deadMessages() {
        return outbox.messages("DEAD", 100);
    }

    /**
     * Sends a dead message again (after the cause was fixed): pending, attempts from zero.
     *
     * @throws DomainRuleViolation {@code jobs.error.not-dead} when the message is not dead
     */
    public void requeue(long messageId) {
        if (!outbox.requeue(messageId, clock.instant())) {
            throw new DomainRuleViolation("jobs.error.not-dead");
        }
        audit.record(caller(), "registry.requeue", "RegistryMessage", messageId, Map.of("status", "DEAD"),
                Map.of("status", "PENDING"));
    }

    private Actor caller() {
        return Actor.staff(session.getCallerPrincipal().getName());
    }
}
