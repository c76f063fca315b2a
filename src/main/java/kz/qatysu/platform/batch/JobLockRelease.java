package kz.qatysu.platform.batch;

import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Listener of every Qatysu job: releases the job's cluster-wide lock when an execution ends, however it ends. */
@Named("jobLockRelease")
@Dependent
public class JobLockRelease implements JobListener {

    @Inject
    private JobContext context;
    @Inject
    private JobLocks locks;

    @Override
    public void beforeJob() {
        // the lock was taken by BatchJobs before the start
    }

    @Override
    public void afterJob() {
        locks.release(context.getJobName());
    }
}
