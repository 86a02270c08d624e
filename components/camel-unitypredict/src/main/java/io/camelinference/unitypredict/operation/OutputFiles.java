package io.camelinference.unitypredict.operation;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.camelinference.common.component.SafeFileNames;
import io.camelinference.unitypredict.client.UnityPredictClient;
import io.camelinference.unitypredict.model.UnityPredictOutcome;
import io.camelinference.unitypredict.model.UnityPredictResponse;

/**
 * Downloads a response's File outcomes into an output directory: names the service gives are sanitised so nothing lands
 * outside it, two outcomes whose names sanitise alike get distinct files ({@code out.txt}, {@code out-2.txt}) instead of
 * one overwriting the other, and when one download fails the files already written for the response are removed, so a
 * failed message leaves no partial outputs.
 */
public final class OutputFiles {

    private final UnityPredictClient client;

    public OutputFiles(UnityPredictClient client) {
        this.client = client;
    }

    /** The downloaded files in outcome order; empty when no directory is given or there are no File outcomes. */
    public CompletableFuture<List<File>> download(UnityPredictResponse response, Path directory) {
        if (directory == null || response.outcomes() == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the output directory " + directory, e);
        }
        List<CompletableFuture<Path>> downloads = new ArrayList<>();
        Set<Path> taken = new HashSet<>();
        for (List<UnityPredictOutcome> values : response.outcomes().values()) {
            for (UnityPredictOutcome outcome : values) {
                if (outcome.isFile() && outcome.value() != null) {
                    String name = outcome.value().toString();
                    downloads.add(client.download(response.requestId(), name, distinct(directory, name, taken)));
                }
            }
        }
        return CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new))
                .handle((v, error) -> {
                    if (error != null) {
                        taken.forEach(OutputFiles::deleteQuietly);
                        throw new java.util.concurrent.CompletionException(error);
                    }
                    return downloads.stream().map(f -> f.join().toFile()).toList();
                });
    }

    /** A path inside the directory for the service's name, not yet used by this response. */
    public static Path distinct(Path directory, String serviceName, Set<Path> taken) {
        Path target = SafeFileNames.resolveInside(directory, serviceName);
        String file = target.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String base = dot > 0 ? file.substring(0, dot) : file;
        String extension = dot > 0 ? file.substring(dot) : "";
        for (int n = 2; !taken.add(target); n++) {
            target = target.resolveSibling(base + "-" + n + extension);
        }
        return target;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort: the failure of the download is what the route is told about
        }
    }
}
