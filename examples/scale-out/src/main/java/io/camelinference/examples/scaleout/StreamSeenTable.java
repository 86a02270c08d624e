package io.camelinference.examples.scaleout;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Creates camel-sql's idempotent repository table (the stream's seen comment uids) once, whatever the number of
 * replicas starting together: on PostgreSQL under a transaction-scoped advisory lock, with IF NOT EXISTS.
 */
final class StreamSeenTable {

    private StreamSeenTable() {
    }

    static void create(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + "CAMEL_MESSAGEPROCESSED".hashCode() + ")");
                s.execute("CREATE TABLE IF NOT EXISTS CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255),"
                        + " messageId VARCHAR(100), createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
