package io.camelinference.jdbc;

/** The contract on H2 (the generic path: a duplicate key error means "already there"). */
class H2JobStoreTest extends JdbcJobStoreContract {

    @Override
    protected JdbcJobStore newStore(String owner) {
        JdbcJobStore store = new JdbcJobStore("jdbc:h2:mem:jobs;DB_CLOSE_DELAY=-1", "sa", "");
        store.setOwner(owner);
        store.setClock(clock);
        return store;
    }
}
