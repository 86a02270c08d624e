-- camel-inference-jdbc schema v1 for any other JDBC database (ANSI SQL; adjust the types to your database and run it
-- yourself with createSchema=false if your database does not take it). ${table} is the jobStore's tableName.
CREATE TABLE ${table} (
    job_key_hash VARCHAR(64)   NOT NULL PRIMARY KEY,
    job_key      VARCHAR(1000) NOT NULL,
    state        CLOB,
    status       CHAR(1)       NOT NULL,
    owner        VARCHAR(200),
    lease_until  BIGINT,
    written_at   BIGINT        NOT NULL,
    version      BIGINT        NOT NULL
);
CREATE INDEX ${table}_status_written ON ${table} (status, written_at);
CREATE TABLE ${table}_schema (version INT NOT NULL);
