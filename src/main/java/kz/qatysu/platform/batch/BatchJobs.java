package kz.qatysu.platform.batch;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts, restarts and lists Qatysu's batch jobs. A start takes the job's cluster-wide lock first ({@link JobLocks});
 * when another execution of the job runs anywhere, the start is a no-op. The lock passes to the execution and is
 * released when it ends ({@link JobLockRelease}).
 */
@ApplicationScoped
public class BatchJobs {

    /** The jobs of the platform (file names under META-INF/batch-jobs). */
    public static final List<String> JOBS = List.of("close-round", "publish-allocations", "nightly-open-data");
    private static final Set<BatchStatus> RUNNING = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED,
            BatchStatus.STOPPING);
    private static final Logger LOGGER = Logger.getLogger(BatchJobs.class.getName());

    @Inject
    private JobLocks locks;

    /** One step of an execution, as the admin page shows it. */
    public record StepView(String name, String status, String exitStatus, long read, long written, long commits,
                           long rollbacks, Instant started, Instant ended) {
    }

    /** One execution of a job, newest first on the admin page. */
    public record ExecutionView(long executionId, long instanceId, String job, String status, String exitStatus,
                                Instant created, Instant started, Instant ended, Duration duration,
                                List<StepView> steps, boolean restartable) {
    }

    /**
     * Starts the job unless an execution of it runs somewhere in the cluster.
     *
     * @return the new execution's id, or empty when the job was already running
     */
    public Optional<Long> start(String job, Properties parameters) {
        requireKnown(job);
        if (!locks.tryLock(job)) {
            LOGGER.log(Level.INFO, "Job {0} is already running; this start is a no-op", job);
            return Optional.empty();
        }
        try {
            long id = operator().start(job, parameters);
            LOGGER.log(Level.INFO, "Job {0} started as execution {1}", new Object[]{job, id});
            return Optional.of(id);
        } catch (RuntimeException e) {
            locks.release(job);
            throw e;
        }
    }

    /**
     * Restarts a failed or stopped execution from its last checkpoint, unless the job runs somewhere.
     *
     * @return the new execution's id, or empty when the job was already running
     */
    public Optional<Long> restart(long executionId) {
        String job = operator().getJobExecution(executionId).getJobName();
        requireKnown(job);
        if (!locks.tryLock(job)) {
            return Optional.empty();
        }
        try {
            long id = operator().restart(executionId, operator().getParameters(executionId));
            LOGGER.log(Level.INFO, "Job {0}: execution {1} restarted as {2}", new Object[]{job, executionId, id});
            return Optional.of(id);
        } catch (RuntimeException e) {
            locks.release(job);
            throw e;
        }
    }

    /**
     * After a crash: executions of the job that the repository still shows running, while no server holds the job's
     * lock, ran on a server that died. They are marked failed and the newest is restarted from its last checkpoint.
     *
     * @return the restarted execution's id, or empty when nothing was left running or the job runs elsewhere
     */
    public Optional<Long> recover(String job, JobRepositoryRepair repair) {
        List<Long> orphans = repair.leftRunning(job);
        if (orphans.isEmpty()) {
            return Optional.empty();
        }
        if (!locks.tryLock(job)) {
            LOGGER.log(Level.INFO, "Job {0}: executions {1} run on another server", new Object[]{job, orphans});
            return Optional.empty();
        }
        try {
            orphans = repair.leftRunning(job); // again, now that no one else can start it
            if (orphans.isEmpty()) {
                locks.release(job);
                return Optional.empty();
            }
            orphans.forEach(repair::markFailed);
            long newest = orphans.stream().mapToLong(Long::longValue).max().orElseThrow();
            long id = operator().restart(newest, operator().getParameters(newest));
            LOGGER.log(Level.WARNING, "Job {0}: execution(s) {1} were left running by a stopped server; marked "
                    + "failed, {2} restarted from its checkpoint as {3}", new Object[]{job, orphans, newest, id});
            return Optional.of(id);
        } catch (RuntimeException e) {
            locks.release(job);
            throw e;
        }
    }

    /** The newest executions of every job, newest first. */
    public List<ExecutionView> executions(int perJob) {
        List<ExecutionView> views = new ArrayList<>();
        for (String job : JOBS) {
            List<JobInstance> instances;
            try {
                instances = operator().getJobInstances(job, 0, perJob);
            } catch (NoSuchJobException neverRun) {
                continue;
            }
            for (JobInstance instance : instances) {
                List<JobExecution> all = operator().getJobExecutions(instance);
                JobExecution newest = all.stream().max(Comparator.comparing(JobExecution::getExecutionId)).orElse(null);
                for (JobExecution e : all) {
                    views.add(view(instance, e, e == newest));
                }
            }
        }
        views.sort(Comparator.comparing(ExecutionView::executionId).reversed());
        return views;
    }

    /** One execution with its steps. */
    public ExecutionView execution(long executionId) {
        JobExecution e = operator().getJobExecution(executionId);
        JobInstance instance = operator().getJobInstance(executionId);
        long newest = operator().getJobExecutions(instance).stream().mapToLong(JobExecution::getExecutionId).max()
                .orElse(executionId);
        return view(instance, e, newest == executionId);
    }

    /** Whether an execution has ended (completed, failed, stopped or abandoned). */
    public boolean ended(long executionId) {
        return !RUNNING.contains(operator().getJobExecution(executionId).getBatchStatus());
    }

    /** Executions of a job left running in the job repository (after a crash, these run nowhere). */
    public List<Long> runningExecutions(String job) {
        try {
            return operator().getRunningExecutions(job);
        } catch (NoSuchJobException neverRun) {
            return List.of();
        }
    }

    private ExecutionView view(JobInstance instance, JobExecution e, boolean newest) {
        List<StepView> steps = operator().getStepExecutions(e.getExecutionId()).stream()
                .sorted(Comparator.comparing(StepExecution::getStepExecutionId))
                .map(s -> new StepView(s.getStepName(), String.valueOf(s.getBatchStatus()), s.getExitStatus(),
                        metric(s, Metric.MetricType.READ_COUNT), metric(s, Metric.MetricType.WRITE_COUNT),
                        metric(s, Metric.MetricType.COMMIT_COUNT), metric(s, Metric.MetricType.ROLLBACK_COUNT),
                        instant(s.getStartTime()), instant(s.getEndTime())))
                .toList();
        Instant started = instant(e.getStartTime());
        Instant ended = instant(e.getEndTime());
        Duration duration = started == null ? null : Duration.between(started, ended == null ? Instant.now() : ended);
        boolean restartable = newest && (e.getBatchStatus() == BatchStatus.FAILED
                || e.getBatchStatus() == BatchStatus.STOPPED);
        return new ExecutionView(e.getExecutionId(), instance.getInstanceId(), e.getJobName(),
                String.valueOf(e.getBatchStatus()), e.getExitStatus(), instant(e.getCreateTime()), started, ended,
                duration, steps, restartable);
    }

    private static long metric(StepExecution step, Metric.MetricType type) {
        Metric[] metrics = step.getMetrics();
        if (metrics != null) {
            for (Metric m : metrics) {
                if (m.getType() == type) {
                    return m.getValue();
                }
            }
        }
        return 0;
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }

    private static void requireKnown(String job) {
        if (!JOBS.contains(job)) {
            throw new IllegalArgumentException("No such job: " + job);
        }
    }

    static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
