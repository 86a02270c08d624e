package io.camelinference.jdbc;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** Turns a JDBC error into the store's two exceptions, with a message that says where and what to do. */
final class SqlFailures {

    private SqlFailures() {
    }

    /**
     * @param what     what the store was doing, e.g. "claim the job of message predict:m|doc-7"
     * @param database where it is, password masked, e.g. "jdbc:postgresql://db:5432/jobs (user jobs)"
     */
    static JdbcJobStoreException translate(String what, String database, SQLException e) {
        String reason = rootMessage(e);
        if (unreachable(e)) {
            return new JobStoreUnavailableException("The job store's database " + database + " cannot be reached, so"
                    + " this replica could not " + what + ": " + reason + ". Check that the database is up and"
                    + " reachable from this replica. Nothing billed was sent for this message (a job whose progress"
                    + " cannot be stored could be paid for twice after a crash): it fails now and its redelivery tries"
                    + " again. To keep running without remembering jobs while the database is away, set"
                    + " rememberOptional=true on the job store (jobs are then not resumed, and may be paid twice, after"
                    + " a crash)", e);
        }
        return new JdbcJobStoreException("The job store's database " + database + " refused to " + what + ": "
                + reason + " (SQLState " + e.getSQLState() + ")", e);
    }

    /**
     * Connection-level failures: refused, reset, timed out, no pooled connection in time, SQLState class 08
     * (connection exception) or 57 (the server shutting down or starting).
     */
    static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof SocketException || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && (s.getSQLState().startsWith("08")
                    || s.getSQLState().startsWith("57"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null && (message == null || !message.contains(t.getMessage()))) {
                message = (message == null ? "" : message + ": ") + t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
