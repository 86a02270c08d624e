package io.camelinference.jdbc;

import io.camelinference.jdbc.test.LocalPostgres;

/** One local PostgreSQL for all the tests of this module (stopped when the test JVM exits). */
final class SharedPostgres {

    private static LocalPostgres server;

    private SharedPostgres() {
    }

    static synchronized LocalPostgres get() {
        if (server == null) {
            server = LocalPostgres.start();
        }
        return server;
    }
}
