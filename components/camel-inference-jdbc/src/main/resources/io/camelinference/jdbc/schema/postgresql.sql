-- camel-inference-jdbc schema v1 for PostgreSQL. ${table} is the jobStore's tableName (default camel_inference_jobs).
-- Created on start unless createSchema=false; a DBA can run this file instead (replace ${table}).
CREATE TABLE IF NOT EXISTS ${table} (
    job_key_hash VARCHAR(64)   NOT NULL PRIMARY KEY, -- SHA-256 of the message's job key, hex
    job_key      VARCHAR(1000) NOT NULL,             -- the job key (its first 1000 characters), for operators
    state        TEXT,                               -- the job chain's stored state (JSON); null when only claimed
    status       CHAR(1)       NOT NULL,             -- P: pending, C: completed (its message's exchange completed)
    owner        VARCHAR(200),                       -- the replica that claimed it last
    lease_until  BIGINT,                             -- epoch ms until which the owner's claim holds; null: nobody runs it
    written_at   BIGINT        NOT NULL,             -- epoch ms of the last write (time to live, retention)
    version      BIGINT        NOT NULL              -- incremented by every write (compare-and-set claims)
);
CREATE INDEX IF NOT EXISTS ${table}_status_written ON ${table} (status, written_at);
CREATE TABLE IF NOT EXISTS ${table}_schema (version INT NOT NULL);
