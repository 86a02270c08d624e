package io.camelinference.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

/**
 * The SQL of the job table, one short auto-committed statement per operation, so that no lock is held across a call
 * to a service. Every write that depends on what was read is a compare-and-set on the row's version or owner: two
 * replicas racing for a row never both win.
 */
final class JobTable {

    /** Something done on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private static final String COLUMNS = "status, state, owner, lease_until, written_at, version";

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final String table;
    private final String database;
    /** Statements run and the time they took, connection included. */
    final java.util.concurrent.atomic.LongAdder statements = new java.util.concurrent.atomic.LongAdder();
    final java.util.concurrent.atomic.LongAdder statementNanos = new java.util.concurrent.atomic.LongAdder();

    JobTable(DataSource dataSource, SqlDialect dialect, String table, String database) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.table = table;
        this.database = database;
    }

    String database() {
        return database;
    }

    <T> T with(String what, Work<T> work) {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw SqlFailures.translate(what, database, e);
        } finally {
            statements.increment();
            statementNanos.add(System.nanoTime() - started);
        }
    }

    JobRow read(String hash, String what) {
        return with(what, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE job_key_hash = ?")) {
                s.setString(1, hash);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return null;
                    }
                    long lease = r.getLong(4);
                    Long leaseUntil = r.wasNull() ? null : lease;
                    return new JobRow(r.getString(1).trim(), r.getString(2), r.getString(3), leaseUntil, r.getLong(5),
                            r.getLong(6));
                }
            }
        });
    }

    /** Adds the row unless one exists; true when this call added it. */
    boolean insert(String hash, String key, String state, String status, String owner, Long leaseUntil, long now,
                   String what) {
        return with(what, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (job_key_hash, job_key, " + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, 1)" + dialect.insertIfAbsentSuffix())) {
                s.setString(1, hash);
                s.setString(2, key.length() <= 1000 ? key : key.substring(0, 1000));
                s.setString(3, status);
                setText(s, 4, state);
                s.setString(5, owner);
                setLong(s, 6, leaseUntil);
                s.setLong(7, now);
                return s.executeUpdate() == 1;
            } catch (SQLException e) {
                if (dialect.duplicateFails() && SqlDialect.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Replaces the row's content if its version is still {@code version}; true when this call did. */
    boolean compareAndSet(String hash, long version, String state, String status, String owner, Long leaseUntil,
                          long now, String what) {
        return update(what, "UPDATE " + table + " SET state = ?, status = ?, owner = ?, lease_until = ?, written_at = ?,"
                + " version = version + 1 WHERE job_key_hash = ? AND version = ?", s -> {
                    setText(s, 1, state);
                    s.setString(2, status);
                    s.setString(3, owner);
                    setLong(s, 4, leaseUntil);
                    s.setLong(5, now);
                    s.setString(6, hash);
                    s.setLong(7, version);
                }) == 1;
    }

    /** Writes the state of a pending row this owner holds; 0 when it holds it no more. */
    int writeHeld(String hash, String owner, String state, long leaseUntil, long now, String what) {
        return update(what, "UPDATE " + table + " SET state = ?, lease_until = ?, written_at = ?, version = version + 1"
                + " WHERE job_key_hash = ? AND owner = ? AND status = 'P'", s -> {
                    setText(s, 1, state);
                    s.setLong(2, leaseUntil);
                    s.setLong(3, now);
                    s.setString(4, hash);
                    s.setString(5, owner);
                });
    }

    /** Marks the row completed (its message's exchange completed); 0 when there is no row. */
    int complete(String hash, String owner, long now, String what) {
        return update(what, "UPDATE " + table + " SET state = NULL, status = 'C', owner = ?, lease_until = NULL,"
                + " written_at = ?, version = version + 1 WHERE job_key_hash = ?", s -> {
                    s.setString(1, owner);
                    s.setLong(2, now);
                    s.setString(3, hash);
                });
    }

    int delete(String hash, String what) {
        return update(what, "DELETE FROM " + table + " WHERE job_key_hash = ?", s -> s.setString(1, hash));
    }

    /** Ends the owner's claim on the row; its state stays. */
    int unlease(String hash, String owner, String what) {
        return update(what, "UPDATE " + table + " SET lease_until = NULL WHERE job_key_hash = ? AND owner = ?"
                + " AND lease_until IS NOT NULL", s -> {
                    s.setString(1, hash);
                    s.setString(2, owner);
                });
    }

    /** Extends the owner's claims on these rows; how many it still held. */
    int renew(List<String> hashes, String owner, long leaseUntil) {
        int renewed = 0;
        for (int from = 0; from < hashes.size(); from += 100) {
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + 100));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            renewed += update("renew the claims of this replica", "UPDATE " + table + " SET lease_until = ?"
                    + " WHERE owner = ? AND status = 'P' AND job_key_hash IN (" + marks + ")", s -> {
                        s.setLong(1, leaseUntil);
                        s.setString(2, owner);
                        for (int i = 0; i < chunk.size(); i++) {
                            s.setString(3 + i, chunk.get(i));
                        }
                    });
        }
        return renewed;
    }

    /** Pending rows written since {@code notBefore} or claimed now. */
    int countPending(long notBefore, long now) {
        return with("count the pending jobs", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE status = 'P'"
                    + " AND (written_at >= ? OR lease_until >= ?)")) {
                s.setLong(1, notBefore);
                s.setLong(2, now);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    /** Removes pending rows nobody holds that were last written before the first time, completed ones before the second. */
    int expire(long pendingBefore, long completedBefore, long now) {
        int pending = update("remove the expired jobs", "DELETE FROM " + table + " WHERE status = 'P' AND written_at < ?"
                + " AND (lease_until IS NULL OR lease_until < ?)", s -> {
                    s.setLong(1, pendingBefore);
                    s.setLong(2, now);
                });
        return pending + update("remove the expired completions", "DELETE FROM " + table + " WHERE status = 'C'"
                + " AND written_at < ?", s -> s.setLong(1, completedBefore));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private int update(String what, String sql, Binder binder) {
        return with(what, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                binder.bind(s);
                return s.executeUpdate();
            }
        });
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private void setText(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, dialect == SqlDialect.GENERIC ? Types.CLOB : Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }
}
