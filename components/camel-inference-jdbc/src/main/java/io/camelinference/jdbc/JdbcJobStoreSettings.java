package io.camelinference.jdbc;

import java.net.InetAddress;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/** The options of a {@link JdbcJobStore}, as bean properties (code, or {@code camel.beans.<name>.<option>}). */
public abstract class JdbcJobStoreSettings {

    private DataSource dataSource;
    private String jdbcUrl;
    private String username;
    private String password;
    private int maximumPoolSize = 10;
    private long connectionTimeout = 5_000;
    private String tableName = "camel_inference_jobs";
    private boolean createSchema = true;
    private String dialect;
    private String owner = defaultOwner();
    private long lease = 30_000;
    private long timeToLive = 86_400_000;
    private Long completedRetention;
    private boolean rememberOptional;
    private Clock clock = Clock.systemUTC();

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The application's own pool; when set, jdbcUrl, username, password and the pool options are not used. */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getJdbcUrl() {
        return jdbcUrl;
    }

    /** The database, e.g. jdbc:postgresql://db:5432/jobs; a HikariCP pool is made for it. */
    public void setJdbcUrl(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    /** The database password (never logged; masked out of the JDBC URL in messages). */
    public void setPassword(String password) {
        this.password = password;
    }

    public int getMaximumPoolSize() {
        return maximumPoolSize;
    }

    /** Connections of the pool (default 10): each store operation holds one for one short statement. */
    public void setMaximumPoolSize(int maximumPoolSize) {
        this.maximumPoolSize = maximumPoolSize;
    }

    public long getConnectionTimeout() {
        return connectionTimeout;
    }

    /** How long an operation waits for a connection before the database counts as out of reach (ms, default 5000). */
    public void setConnectionTimeout(long connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public String getTableName() {
        return tableName;
    }

    /** The job table (default camel_inference_jobs; its schema version is kept in tableName_schema). */
    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public boolean isCreateSchema() {
        return createSchema;
    }

    /** Create (or upgrade) the table on start (default true); false only checks that it is there. */
    public void setCreateSchema(boolean createSchema) {
        this.createSchema = createSchema;
    }

    public String getDialect() {
        return dialect;
    }

    /** postgresql, h2 or generic; detected from the JDBC URL when not set. */
    public void setDialect(String dialect) {
        this.dialect = dialect;
    }

    public String getOwner() {
        return owner;
    }

    /**
     * This replica's name in the table (default: the host or pod name, the process id and a random suffix). It must
     * differ between replicas running at the same time.
     */
    public void setOwner(String owner) {
        this.owner = owner;
    }

    public long getLease() {
        return lease;
    }

    /**
     * How long a claim holds without being renewed (ms, default 30000; renewed every third of it while the job runs).
     * A replica that is gone gives its jobs up after this; keep it longer than the longest pause of a live replica
     * (GC, a slow store) and than the longest time a sent request can still be processed by the service.
     */
    public void setLease(long lease) {
        this.lease = lease;
    }

    public long getTimeToLive() {
        return timeToLive;
    }

    /** How long a pending job nobody works on is kept after its last write (ms, default one day; at least waitTimeout). */
    public void setTimeToLive(long timeToLive) {
        this.timeToLive = timeToLive;
    }

    public Long getCompletedRetention() {
        return completedRetention;
    }

    /**
     * How long a completed message is remembered, so that a redelivered copy is refused instead of run and paid for
     * again (ms, default timeToLive; 0 forgets it at once, as the memory and file stores do).
     */
    public void setCompletedRetention(Long completedRetention) {
        this.completedRetention = completedRetention;
    }

    public boolean isRememberOptional() {
        return rememberOptional;
    }

    /**
     * Keep the components working while the database is out of reach, with jobs not remembered (default false: their
     * messages fail before anything billed is sent, and are retried). Opting in means that a crash in that time can
     * lose pending jobs and pay for their messages twice.
     */
    public void setRememberOptional(boolean rememberOptional) {
        this.rememberOptional = rememberOptional;
    }

    /** The clock of leases and times to live (tests move it); replicas' clocks must agree within a fraction of a lease. */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    protected Clock clock() {
        return clock;
    }

    /** Where the database is, for messages: the JDBC URL with any password masked, and the user. */
    protected String describe(DataSource ds) {
        String url = getJdbcUrl() != null ? getJdbcUrl() : ds instanceof HikariDataSource h ? h.getJdbcUrl() : null;
        if (url == null) {
            return "(the configured " + ds.getClass().getSimpleName() + ")";
        }
        return maskedUrl(url) + (getUsername() != null ? " (user " + getUsername() + ")" : "");
    }

    /**
     * The JDBC URL without its password, wherever the driver takes one: a password or pwd property
     * (PostgreSQL, SQL Server, H2), user:password@ (MySQL, MariaDB) or Oracle's user/password@.
     */
    static String maskedUrl(String url) {
        return url.replaceAll("(?i)((?:password|pwd)=)[^&;]*", "$1******")
                .replaceAll("(//[^/@?;:]+:)[^@/]*@", "$1******@")
                .replaceAll("(?i)(jdbc:oracle:[a-z]+:[^/@:]+/)[^@]*@", "$1******@");
    }

    /** The pod name on Kubernetes (HOSTNAME), else the host name; with the process id and a random suffix. */
    static String defaultOwner() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                host = "replica";
            }
        }
        byte[] random = new byte[2];
        ThreadLocalRandom.current().nextBytes(random);
        return host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }
}
