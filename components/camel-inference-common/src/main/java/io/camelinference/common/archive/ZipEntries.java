package io.camelinference.common.archive;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a downloaded zip file entry by entry, streaming: a {@link ZipInputStream} over the file, so only the entry being
 * read is in flight and the archive is never held in memory whatever its size. Used for result archives services
 * offer as downloads (e.g. AnnoLab's project export).
 */
public final class ZipEntries {

    /** Receives one file entry. */
    @FunctionalInterface
    public interface Visitor {

        /**
         * @param name    the entry's normalised path inside the archive, with {@code /} separators
         * @param content the entry's bytes; read as much as needed, do not close it (closing is ignored)
         */
        void visit(String name, InputStream content) throws IOException;
    }

    private ZipEntries() {
    }

    /**
     * Hands every file entry (directories are skipped) to the visitor, in archive order.
     *
     * @return the number of file entries visited
     * @throws IOException when the file is not a readable zip, or an entry name leaves the archive ({@code ../},
     *                     absolute paths), which a well-formed service archive never does
     */
    public static int forEach(Path zip, Visitor visitor) throws IOException {
        int count = 0;
        try (InputStream file = new BufferedInputStream(Files.newInputStream(zip), 64 * 1024);
             ZipInputStream in = new ZipInputStream(file)) {
            InputStream unclosable = new FilterInputStream(in) {
                @Override
                public void close() {
                    // the visitor's parser may close its source; the archive stays open for the next entry
                }
            };
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.isDirectory()) {
                    continue;
                }
                visitor.visit(normalise(entry.getName()), unclosable);
                in.closeEntry();
                count++;
            }
        }
        if (count == 0 && Files.size(zip) > 0 && !looksLikeZip(zip)) {
            throw new IOException("Not a zip archive: " + zip.getFileName());
        }
        return count;
    }

    /** The entry name with {@code /} separators and no leading {@code ./}; names that leave the archive fail. */
    static String normalise(String name) throws IOException {
        String n = name.replace('\\', '/');
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.equals("..") || n.startsWith("../")
                || n.contains("/../") || n.endsWith("/..")) {
            throw new IOException("Zip entry '" + name + "' points outside the archive");
        }
        return n;
    }

    private static boolean looksLikeZip(Path zip) throws IOException {
        try (InputStream in = Files.newInputStream(zip)) {
            byte[] magic = in.readNBytes(4);
            // local file header, or the end-of-central-directory record of an empty archive
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K'
                    && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
        }
    }
}
