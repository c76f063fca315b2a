package kz.qatysu.jobs.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import kz.qatysu.jobs.application.JobAdministration;
import kz.qatysu.platform.batch.BatchJobs;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.platform.faces.Messages;
import kz.qatysu.registry.application.OutboxMessage;

/**
 * Admin page {@code /admin/jobs}: start a job, restart a failed execution, send a dead registry message again (each a
 * POST answered by a redirect to the page), and the executions, counts and outbox as they stand.
 */
@Named
@RequestScoped
public class JobsBacking {

    private static final String SELF = "/admin/jobs?faces-redirect=true";

    @EJB
    private JobAdministration administration;
    @Inject
    private FacesActions actions;
    @Inject
    private Messages messages;

    private List<BatchJobs.ExecutionView> executions;
    private List<JobAdministration.CountProgress> counts;
    private List<OutboxMessage> outbox;
    private List<OutboxMessage> dead;

    public String start(String job) {
        Long id = actions.attempt(null, () -> administration.start(job));
        if (id == null) {
            return null;
        }
        messages.flashInfo("jobs.started", job, id);
        return SELF;
    }

    public String restart(long executionId) {
        Long id = actions.attempt(null, () -> administration.restart(executionId));
        if (id == null) {
            return null;
        }
        messages.flashInfo("jobs.restarted", executionId, id);
        return SELF;
    }

    public String requeue(long messageId) {
        Boolean done = actions.attempt(null, () -> {
            administration.requeue(messageId);
            return true;
        });
        if (done == null) {
            return null;
        }
        messages.flashInfo("jobs.requeued", messageId);
        return SELF;
    }

    public List<String> getJobs() {
        return BatchJobs.JOBS;
    }

    public List<BatchJobs.ExecutionView> getExecutions() {
        if (executions == null) {
            executions = administration.executions();
        }
        return executions;
    }

    public List<JobAdministration.CountProgress> getCounts() {
        if (counts == null) {
            counts = administration.counts();
        }
        return counts;
    }

    public List<OutboxMessage> getOutbox() {
        if (outbox == null) {
            outbox = administration.outbox();
        }
        return outbox;
    }

    public List<OutboxMessage> getDead() {
        if (dead == null) {
            dead = administration.deadMessages();
        }
        return dead;
    }
}
