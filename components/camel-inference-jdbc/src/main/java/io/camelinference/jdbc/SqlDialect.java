package io.camelinference.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What differs between databases for the job table: its DDL (in {@code schema/<name>.sql} next to this class) and how a
 * row is inserted only when absent. PostgreSQL first; H2 for tests and small setups; any other JDBC database through
 * the generic dialect (ANSI DDL, a plain INSERT whose duplicate-key error means "already there").
 */
public enum SqlDialect {

    POSTGRESQL("postgresql", " ON CONFLICT (job_key_hash) DO NOTHING"),
    H2("h2", ""),
    GENERIC("generic", "");

    private final String schemaName;
    private final String insertIfAbsentSuffix;

    SqlDialect(String schemaName, String insertIfAbsentSuffix) {
        this.schemaName = schemaName;
        this.insertIfAbsentSuffix = insertIfAbsentSuffix;
    }

    /** The dialect of a JDBC URL or a database product name (DatabaseMetaData), GENERIC when unknown. */
    public static SqlDialect detect(String urlOrProduct) {
        String s = urlOrProduct == null ? "" : urlOrProduct.toLowerCase(Locale.ROOT);
        if (s.startsWith("jdbc:postgresql:") || s.equals("postgresql")) {
            return POSTGRESQL;
        }
        if (s.startsWith("jdbc:h2:") || s.equals("h2")) {
            return H2;
        }
        return GENERIC;
    }

    /** A dialect by name (postgresql, h2, generic), as in the jobStore's dialect option. */
    public static SqlDialect named(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown job store dialect '" + name
                    + "': use postgresql, h2 or generic (or leave it out to detect it from the JDBC URL)");
        }
    }

    /** Appended to the INSERT of a row that must only be added when absent (nothing: a duplicate key error). */
    String insertIfAbsentSuffix() {
        return insertIfAbsentSuffix;
    }

    /** Whether a duplicate key makes the INSERT fail (instead of inserting nothing). */
    boolean duplicateFails() {
        return insertIfAbsentSuffix.isEmpty();
    }

    /** The DDL statements of the schema for the table, comments removed. */
    List<String> schema(String table) {
        String resource = "schema/" + schemaName + ".sql";
        try (InputStream in = SqlDialect.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The job store schema " + resource + " is missing from the jar");
            }
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int comment = line.indexOf("--");
                sql.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
            }
            List<String> statements = new ArrayList<>();
            for (String statement : sql.toString().replace("${table}", table).split(";")) {
                if (!statement.isBlank()) {
                    statements.add(statement.strip());
                }
            }
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the error is a unique or primary key violation (SQLState class 23). */
    static boolean isDuplicateKey(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
