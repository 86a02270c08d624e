package io.camelinference.jdbc;

/**
 * The job store's database cannot be reached (refused, timed out, no connection free in time). A message whose job
 * cannot be claimed or whose claim cannot be stored fails with this before its billed call is sent: a billed job whose
 * progress is not stored could be paid for twice after a crash. Its redelivery tries again. Set the store's
 * {@code rememberOptional} to keep running without remembering jobs while the database is away.
 */
public class JobStoreUnavailableException extends JdbcJobStoreException {

    public JobStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
