package io.camelinference.jdbc;

import java.time.Duration;

import io.camelinference.jdbc.test.LocalPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract on a real PostgreSQL server, plus what only a server shows: the database going away mid-run fails the
 * store's operations with a clear error (or, opted in, lets the components go on without remembering), and the store
 * recovers when it is back; a replica started while the database is away fails with a clear message.
 */
class PostgresJobStoreTest extends JdbcJobStoreContract {

    @Override
    protected JdbcJobStore newStore(String owner) {
        LocalPostgres pg = SharedPostgres.get();
        JdbcJobStore store = new JdbcJobStore(pg.jdbcUrl(), pg.username(), "secret-password");
        store.setOwner(owner);
        store.setClock(clock);
        store.setConnectionTimeout(1_000);
        return store;
    }

    @Test
    void aDatabaseThatGoesAwayFailsClaimsClearlyAndTheStoreRecoversWhenItIsBack() {
        JdbcJobStore store = replica("replica-a");
        store.claim("before");
        LocalPostgres pg = SharedPostgres.get();
        pg.stopServer();
        try {
            assertThatThrownBy(() -> store.claim("during")).isInstanceOf(JobStoreUnavailableException.class)
                    .hasMessageContaining("cannot be reached").hasMessageContaining(pg.jdbcUrl())
                    .hasMessageContaining("Nothing billed was sent").hasMessageContaining("rememberOptional")
                    .hasMessageNotContaining("secret-password");
            assertThatThrownBy(() -> store.put("before", "submitting"))
                    .isInstanceOf(JobStoreUnavailableException.class);
        } finally {
            pg.startServer();
        }
        // the pool reconnects on its own, within moments
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptionsInstanceOf(
                JobStoreUnavailableException.class).until(() -> {
                    store.put("before", "submitting");
                    return true;
                });
        assertThat(store.claim("during")).isNull();
        assertThat(store.get("before")).isEqualTo("submitting");
        assertThat(store.stats().unavailable()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void optedInTheComponentsKeepWorkingWithJobsNotRemembered() {
        JdbcJobStore store = newStore("replica-optional");
        store.setTableName("jobs_optional");
        store.setRememberOptional(true);
        store.start();
        try {
            LocalPostgres pg = SharedPostgres.get();
            pg.stopServer();
            try {
                assertThat(store.claim("doc")).isNull();
                store.put("doc", "submitting"); // not remembered, not failed
                store.complete("doc");
                assertThat(store.stats().unavailable()).isEqualTo(3);
            } finally {
                pg.startServer();
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                store.put("probe", "x");
                return store.get("probe") != null;
            });
            assertThat(store.claim("doc")).as("nothing was remembered while it was away").isNull();
        } finally {
            store.stop();
        }
    }

    @Test
    void aReplicaStartedWhileTheDatabaseIsAwayFailsWithAClearMessage() {
        JdbcJobStore store = new JdbcJobStore("jdbc:postgresql://127.0.0.1:1/jobs?password=hunter2", "jobs", null);
        store.setConnectionTimeout(500);
        assertThatThrownBy(store::start).isInstanceOf(JobStoreUnavailableException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/jobs?password=******")
                .hasMessageContaining("create the job table").hasMessageNotContaining("hunter2");
        store.stop();
    }

    @Test
    void aMissingTableIsNamedWithItsDdlWhenTheSchemaIsNotCreatedOnStart() {
        JdbcJobStore store = newStore("replica-dba");
        store.setTableName("jobs_made_by_the_dba");
        store.setCreateSchema(false);
        assertThatThrownBy(store::start).isInstanceOf(JdbcJobStoreException.class)
                .hasMessageContaining("does not exist").hasMessageContaining("schema/postgresql.sql");
        store.stop();
    }

    @Test
    void claimsTakeALeaseOfTheConfiguredLength() {
        JdbcJobStore a = replica("replica-a");
        JdbcJobStore b = replica("replica-b");
        a.claim("leased");
        clock.advance(Duration.ofSeconds(9));
        assertThatThrownBy(() -> b.claim("leased")).isInstanceOf(io.camelinference.common.job.JobClaimedException.class);
        clock.advance(Duration.ofSeconds(2));
        assertThat(b.claim("leased")).isNull();
    }
}
