package io.camelinference.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the job table on start (or checks that a DBA did), once even when many replicas start together: on
 * PostgreSQL under a transaction-scoped advisory lock; elsewhere each statement is idempotent or re-checked. The schema
 * version is kept in {@code <table>_schema}, so a later version of this module can migrate it step by step, and a
 * replica older than the schema refuses to start instead of writing rows it does not understand.
 */
final class SchemaMigration {

    /** The schema version this module writes. */
    static final int VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    private final JobTable table;
    private final SqlDialect dialect;
    private final String tableName;

    SchemaMigration(JobTable table, SqlDialect dialect, String tableName) {
        this.table = table;
        this.dialect = dialect;
        this.tableName = tableName;
    }

    /** Creates or upgrades the schema (createSchema=true). */
    void migrate() {
        table.with("create the job table " + tableName, c -> {
            if (dialect == SqlDialect.POSTGRESQL) {
                locked(c);
            } else {
                tolerant(c);
            }
            return null;
        });
    }

    /** PostgreSQL: all of it in one transaction, under an advisory lock, so replicas starting together wait in turn. */
    private void locked(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ("camel-inference-jobs:" + tableName).hashCode());
                lock.execute();
            }
            if (!exists(c)) {
                for (String ddl : dialect.schema(tableName)) {
                    try (Statement s = c.createStatement()) {
                        s.execute(ddl);
                    }
                }
                LOG.info("Created the job table {} in {} (schema version {})", tableName, table.database(), VERSION);
            }
            int found = recordVersion(c);
            c.commit();
            check(found);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /**
     * Elsewhere DDL commits on its own: each statement is run, and one that fails because a replica starting at the
     * same moment made its object is passed over; what counts is that the tables are there at the end.
     */
    private void tolerant(Connection c) throws SQLException {
        if (!exists(c)) {
            SQLException first = null;
            for (String ddl : dialect.schema(tableName)) {
                try (Statement s = c.createStatement()) {
                    s.execute(ddl);
                } catch (SQLException e) {
                    if (SqlFailures.unreachable(e)) {
                        throw e;
                    }
                    first = first == null ? e : first;
                }
            }
            if (!exists(c)) {
                throw first != null ? first : new SQLException("the job table is still missing after its DDL");
            }
            if (first == null) {
                LOG.info("Created the job table {} in {} (schema version {})", tableName, table.database(), VERSION);
            }
        }
        check(recordVersion(c));
    }

    /** The schema's version, written when none is. */
    private int recordVersion(Connection c) throws SQLException {
        int found = version(c);
        if (found == 0) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO " + tableName + "_schema (version) VALUES (" + VERSION + ")");
            }
        }
        return found;
    }

    /** Checks that the table is there and of a version this module knows (createSchema=false). */
    void verify() {
        table.with("find the job table " + tableName, c -> {
            if (!exists(c)) {
                throw new JdbcJobStoreException("The job table " + tableName + " does not exist in "
                        + table.database() + ". Create it with the DDL in the camel-inference-jdbc jar"
                        + " (io/camelinference/jdbc/schema/" + dialect.name().toLowerCase(java.util.Locale.ROOT)
                        + ".sql, with ${table} replaced by " + tableName + "), or set createSchema=true", null);
            }
            check(version(c));
            return null;
        });
    }

    private void check(int found) {
        if (found > VERSION) {
            throw new JdbcJobStoreException("The job table " + tableName + " in " + table.database()
                    + " has schema version " + found + ", newer than this camel-inference-jdbc knows (" + VERSION
                    + "): upgrade this replica before it writes to that table", null);
        }
    }

    private boolean exists(Connection c) throws SQLException {
        return probe(c, "SELECT job_key_hash FROM " + tableName + " WHERE 1 = 0")
                && probe(c, "SELECT version FROM " + tableName + "_schema WHERE 1 = 0");
    }

    /** Whether the query runs; on PostgreSQL a failed one inside a transaction needs a savepoint to go on. */
    private static boolean probe(Connection c, String sql) throws SQLException {
        java.sql.Savepoint savepoint = c.getAutoCommit() ? null : c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.executeQuery(sql).close();
            return true;
        } catch (SQLException missing) {
            if (SqlFailures.unreachable(missing)) {
                throw missing;
            }
            if (savepoint != null) {
                c.rollback(savepoint);
            }
            return false;
        }
    }

    private int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT MAX(version) FROM " + tableName + "_schema")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }
}
