package io.camelinference.jdbc;

/**
 * The contract through the generic dialect (ANSI DDL without IF NOT EXISTS, a CLOB state, a duplicate-key error as
 * "already there"), run on H2: what any other JDBC database gets.
 */
class GenericDialectJobStoreTest extends JdbcJobStoreContract {

    @Override
    protected JdbcJobStore newStore(String owner) {
        JdbcJobStore store = new JdbcJobStore("jdbc:h2:mem:generic;DB_CLOSE_DELAY=-1", "sa", "");
        store.setDialect("generic");
        store.setOwner(owner);
        store.setClock(clock);
        return store;
    }
}
