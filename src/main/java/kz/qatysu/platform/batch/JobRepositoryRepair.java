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

    public void markFailed(long executionId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement job = c.prepareStatement("update executioninstancedata set batchstatus = 'FAILED', "
                     + "exitstatus = 'FAILED: server stopped', endtime = now(), updatetime = now() "
                     + "where jobexecid = ? and batchstatus in ('STARTING', 'STARTED', 'STOPPING')");
             PreparedStatement steps = c.prepareStatement("update stepexecutioninstancedata set "
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
