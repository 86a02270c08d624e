package io.camelinference.jdbc;

import org.apache.camel.RuntimeCamelException;

/** The job store's database answered with an error (a missing table, a refused statement), named with its cause. */
public class JdbcJobStoreException extends RuntimeCamelException {

    public JdbcJobStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
