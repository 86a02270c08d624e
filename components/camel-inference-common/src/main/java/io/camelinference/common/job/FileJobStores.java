package io.camelinference.common.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One {@link FileJobStore} per file in this JVM. Endpoints, of one component or of several, that name the same
 * {@code jobStoreFile} share one store: two stores appending to one log would each compact the other's entries away
 * and resume nothing after a restart. The store is started by its first user and stopped when its last user releases
 * it; its time to live is the longest any user asked for, so no user's entries expire early.
 */
public final class FileJobStores {

    private static final Map<Path, Shared> OPEN = new HashMap<>();

    private static final class Shared {
        final FileJobStore store;
        int users;

        Shared(FileJobStore store) {
            this.store = store;
        }
    }

    private FileJobStores() {
    }

    /** The started store of the file, shared with whoever else opened it; {@link #release} it when done. */
    public static synchronized FileJobStore open(Path file, Duration timeToLive) {
        Path key = file.toAbsolutePath().normalize();
        Shared shared = OPEN.get(key);
        if (shared == null) {
            shared = new Shared(new FileJobStore(key, timeToLive));
            shared.store.start();
            OPEN.put(key, shared);
        } else {
            shared.store.extendTimeToLive(timeToLive);
        }
        shared.users++;
        return shared.store;
    }

    /** Gives the store back; the last user's release stops it (flushed and closed). */
    public static synchronized void release(FileJobStore store) {
        Shared shared = OPEN.get(store.file());
        if (shared == null || shared.store != store) {
            return;
        }
        if (--shared.users == 0) {
            OPEN.remove(store.file());
            store.stop();
        }
    }
}
