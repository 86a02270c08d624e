package io.camelinference.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camelinference.common.job.JobStore;
import org.apache.camel.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link JobStore} shared by many replicas on a JDBC database (PostgreSQL first; H2; any other through the generic
 * dialect): give it to the components as their {@code jobStore}. Before a run a replica claims the message's key (its
 * row names the replica and a lease it renews while it runs); a replica receiving the same message meanwhile is
 * refused with {@code JobClaimedException}; one receiving it after the holder is gone (lease lapsed) takes the job over
 * and resumes its stored state, so nothing is submitted, or paid for, twice; a message whose exchange completed is
 * remembered for {@code completedRetention}, so a redelivered copy is refused with {@code JobAlreadyCompletedException}.
 * <p>
 * The table is created on start (or checked, with {@code createSchema=false}); connections come from the given
 * {@code DataSource} or from a HikariCP pool made from {@code jdbcUrl}. When the database is out of reach, operations
 * fail with {@link JobStoreUnavailableException} before anything billed is sent, unless {@code rememberOptional} is set:
 * then the components keep working with jobs not remembered. Configure it in code or as a Camel bean
 * ({@code camel.beans.jobs = #class:io.camelinference.jdbc.JdbcJobStore}, {@code camel.beans.jobs.jdbcUrl = ...}).
 */
public class JdbcJobStore extends JdbcJobStoreSettings implements JobStore, Service {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcJobStore.class);

    private HikariDataSource ownPool;
    private JobClaims claims;
    private JobTable table;
    private SchemaMigration schema;
    private volatile boolean schemaReady;
    private ScheduledExecutorService leases;
    private volatile long lastWarning;

    public JdbcJobStore() {
    }

    /** A store on a JDBC URL (a HikariCP pool is made for it). */
    public JdbcJobStore(String jdbcUrl, String username, String password) {
        setJdbcUrl(jdbcUrl);
        setUsername(username);
        setPassword(password);
    }

    /** A store on the application's own pool. */
    public JdbcJobStore(DataSource dataSource) {
        setDataSource(dataSource);
    }

    @Override
    public synchronized void start() {
        if (claims != null) {
            return;
        }
        if (getLease() < 1_000 || getTimeToLive() < getLease()) {
            throw new IllegalArgumentException("The job store's lease must be at least 1000 ms and timeToLive at least"
                    + " the lease; were " + getLease() + " and " + getTimeToLive() + " ms");
        }
        if (!getTableName().matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
            throw new IllegalArgumentException("The job store's tableName must be a plain SQL name, was " + getTableName());
        }
        DataSource ds = getDataSource() != null ? getDataSource() : pool();
        SqlDialect sql = getDialect() != null ? SqlDialect.named(getDialect()) : SqlDialect.detect(getJdbcUrl() != null ? getJdbcUrl()
                : ds instanceof HikariDataSource h ? h.getJdbcUrl() : null);
        table = new JobTable(ds, sql, getTableName(), describe(ds));
        schema = new SchemaMigration(table, sql, getTableName());
        claims = new JobClaims(table, getOwner(), Duration.ofMillis(getLease()), Duration.ofMillis(getTimeToLive()),
                Duration.ofMillis(getCompletedRetention() != null ? getCompletedRetention() : getTimeToLive()), clock());
        guard(() -> {
            prepareSchema();
            return null;
        }, null);
        leases = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "camel-inference-jobs-lease");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(250, getLease() / 3);
        leases.scheduleWithFixedDelay(() -> guard(() -> {
            claims.renew();
            return null;
        }, null), every, every, TimeUnit.MILLISECONDS);
        LOG.info("Job store on {} started: table {}, replica {}, lease {} ms", table.database(), getTableName(), getOwner(), getLease());
    }

    @Override
    public synchronized void stop() {
        if (leases != null) {
            leases.shutdownNow();
            leases = null;
        }
        if (ownPool != null) {
            ownPool.close();
            ownPool = null;
        }
        claims = null;
        schemaReady = false;
    }

    private HikariDataSource pool() {
        if (getJdbcUrl() == null || getJdbcUrl().isBlank()) {
            throw new IllegalArgumentException("The job store needs a jdbcUrl (e.g. jdbc:postgresql://db:5432/jobs) or"
                    + " a dataSource");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("camel-inference-jobs");
        config.setJdbcUrl(getJdbcUrl());
        config.setUsername(getUsername());
        config.setPassword(getPassword());
        config.setMaximumPoolSize(getMaximumPoolSize());
        config.setMinimumIdle(Math.min(2, getMaximumPoolSize()));
        config.setConnectionTimeout(getConnectionTimeout());
        config.setValidationTimeout(Math.max(250, Math.min(getConnectionTimeout(), 5_000)));
        config.setAutoCommit(true);
        // the pool starts even when the database is away: the first use says so, clearly
        config.setInitializationFailTimeout(-1);
        ownPool = new HikariDataSource(config);
        return ownPool;
    }

    private void prepareSchema() {
        if (!schemaReady) {
            synchronized (this) {
                if (!schemaReady) {
                    if (isCreateSchema()) {
                        schema.migrate();
                    } else {
                        schema.verify();
                    }
                    schemaReady = true;
                }
            }
        }
    }

    /** Runs a store operation; with rememberOptional, an unreachable database gives the fallback instead. */
    private <T> T guard(Supplier<T> operation, T fallback) {
        JobClaims c = claims;
        if (c == null) {
            throw new IllegalStateException("The job store is not started (an endpoint starts it, or call start())");
        }
        try {
            prepareSchema();
            return operation.get();
        } catch (JobStoreUnavailableException e) {
            c.counters.unavailable.increment();
            if (!isRememberOptional()) {
                throw e;
            }
            long now = System.currentTimeMillis();
            if (now - lastWarning > 30_000) {
                lastWarning = now;
                LOG.warn("Jobs are not remembered while the job store is out of reach (rememberOptional=true): a"
                        + " crash now loses them, and their messages may be paid for twice. {}", e.getMessage());
            }
            return fallback;
        }
    }

    @Override
    public String claim(String key) {
        return guard(() -> claims.claim(key), null);
    }

    @Override
    public void unclaim(String key) {
        guard(() -> {
            claims.unclaim(key);
            return null;
        }, null);
    }

    @Override
    public void complete(String key) {
        guard(() -> {
            claims.complete(key);
            return null;
        }, null);
    }

    @Override
    public String get(String key) {
        return guard(() -> claims.get(key), null);
    }

    @Override
    public void put(String key, String value) {
        guard(() -> {
            claims.put(key, value);
            return null;
        }, null);
    }

    @Override
    public boolean putIfAbsent(String key, String value) {
        return guard(() -> claims.putIfAbsent(key, value), true);
    }

    @Override
    public void remove(String key) {
        guard(() -> {
            claims.remove(key);
            return null;
        }, null);
    }

    /** Pending jobs (not completed, not expired) in the whole table, all replicas together. */
    @Override
    public int size() {
        return guard(() -> claims.pending(), -1);
    }

    @Override
    public int expire() {
        return guard(() -> claims.expire(), 0);
    }

    @Override
    public Duration timeToLive() {
        return Duration.ofMillis(getTimeToLive());
    }

    /** What this replica's store did since it started. */
    public JdbcJobStoreStats stats() {
        JobClaims c = claims;
        if (c == null) {
            return new JdbcJobStoreStats(getOwner(), 0, 0, 0, java.util.Map.of(), 0, 0, 0, 0, 0, 0, 0);
        }
        JdbcJobStoreStats.Counters n = c.counters;
        return new JdbcJobStoreStats(getOwner(), n.claims.sum(), n.resumed.sum(), n.takenOver.sum(),
                n.takenOverFrom(), n.busy.sum(),
                n.completed.sum(), n.lost.sum(), n.unavailable.sum(), c.held(), table.statements.sum(),
                table.statementNanos.sum() / 1e6);
    }
}
