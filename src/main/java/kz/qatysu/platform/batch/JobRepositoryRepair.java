package kz.qatysu.platform.batch;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Marks an execution that a dead server left "started" as failed in Payara's job repository (its tables live in our
 * database, see payara-config), so that the standard restart can resume it from its last checkpoint. Jakarta Batch
 * has no operation for this: stop and abandon both refuse an execution they believe is running.
 */
@ApplicationScoped
public class JobRepositoryRepair {

    @Resource(lookup = "jdbc/qatysu")
    private DataSource dataSource;

    /**
     * Executions of a job the repository shows starting, started or stopping. Read from the repository's tables:
     * the operator's getRunningExecutions may answer only for executions running in this server.
     */
    public java.util.List<Long> leftRunning(String job) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select e.jobexecid from jbatchexecutioninstancedata e "
                     + "join jbatchjobinstancedata j on j.jobinstanceid = e.jobinstanceid where j.name = ? "
                     + "and e.batchstatus in ('STARTING', 'STARTED', 'STOPPING') order by e.jobexecid")) {
            s.setString(1, job);
            java.util.List<Long> ids = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return java.util.List.of(); // no job has ever run: the repository's tables do not exist yet
            }
            throw new IllegalStateException("Could not read the job repository", e);
        }
    }

    public void markFailed(long executionId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement job = c.prepareStatement("update jbatchexecutioninstancedata set batchstatus = 'FAILED', "
                     + "exitstatus = 'FAILED: server stopped', endtime = now(), updatetime = now() "
                     + "where jobexecid = ? and batchstatus in ('STARTING', 'STARTED', 'STOPPING')");
             PreparedStatement steps = c.prepareStatement("update jbatchstepexecutioninstancedata set "
                     + "batchstatus = 'FAILED', exitstatus = 'FAILED: server stopped', endtime = now() "
                     + "where jobexecid = ? and batchstatus in ('STARTING', 'STARTED', 'STOPPING')")) {
            job.setLong(1, executionId);
            job.executeUpdate();
            steps.setLong(1, executionId);
            steps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark execution " + executionId + " failed", e);
        }
    }
}
