package io.camelinference.emulator.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.stream.Stream;

/** Removal of the emulator's scratch directories (uploads, outputs, exports). */
public final class FileTrees {

    private FileTrees() {
    }

    /**
     * Deletes a directory and everything below it, best effort: a file still being written by an upload in flight
     * is left behind and removed when the emulator closes its scratch directory.
     */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            // deepest first, so that every directory is empty when its turn comes
            for (Iterator<Path> it = walk.sorted(Comparator.reverseOrder()).iterator(); it.hasNext(); ) {
                try {
                    Files.deleteIfExists(it.next());
                } catch (IOException ignored) {
                    // in use; removed at close
                }
            }
        } catch (IOException ignored) {
            // the tree vanished while walking it: nothing left to delete
        }
    }
}
