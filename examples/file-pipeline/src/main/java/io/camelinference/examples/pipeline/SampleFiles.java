package io.camelinference.examples.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Copies the bundled samples ({@code samples/<service>/}) into each emulated service's inbox. */
final class SampleFiles {

    private static final Logger LOG = LoggerFactory.getLogger(SampleFiles.class);

    private SampleFiles() {
    }

    static void copyIfWanted(Settings settings) {
        String mode = settings.value("pipeline.copy-samples", "auto");
        for (Service service : Service.values()) {
            boolean copy = "true".equalsIgnoreCase(mode)
                    || ("auto".equalsIgnoreCase(mode) && settings.emulatedServices().contains(service));
            if (copy) {
                Path inbox = Paths.get(settings.value(service.scheme() + ".inbox", "work/" + service.scheme() + "/inbox"));
                int copied = copy("samples/" + service.scheme(), inbox);
                LOG.info("Copied {} sample file(s) into {}", copied, inbox.toAbsolutePath());
            }
        }
    }

    static int copy(String classpathFolder, Path target) {
        URL url = SampleFiles.class.getClassLoader().getResource(classpathFolder);
        if (url == null) {
            return 0;
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return copyTree(jar.getPath(classpathFolder), target);
                }
            }
            return copyTree(Paths.get(uri), target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy samples to " + target, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int copyTree(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        List<Path> files;
        try (Stream<Path> listing = Files.list(source)) {
            files = listing.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            // copy under a temporary name, then rename: the file consumer never sees a half-written file
            Path partial = target.resolve("." + file.getFileName() + ".part");
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        return files.size();
    }
}
