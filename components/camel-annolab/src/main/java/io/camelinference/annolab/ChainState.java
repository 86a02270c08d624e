package io.camelinference.annolab;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How far the infer chain got for one message: the sources it created, the job it started, the export it started.
 * Kept in the endpoint's pending-job store after each step, so a redelivered or restarted message resumes at the step
 * that failed instead of creating a second source or a second (billed) job.
 */
record ChainState(List<Long> sourceIds, Long jobId, String layerName, Long exportId, String exportStatusUrl) {

    static ChainState ofSources(List<Long> sourceIds) {
        return new ChainState(List.copyOf(sourceIds), null, null, null, null);
    }

    ChainState withJob(long id, String layer) {
        return new ChainState(sourceIds, id, layer, null, null);
    }

    ChainState withoutJob() {
        return new ChainState(sourceIds, null, null, null, null);
    }

    ChainState withExport(Long id, String statusUrl) {
        return new ChainState(sourceIds, jobId, layerName, id, statusUrl);
    }

    ChainState withoutExport() {
        return new ChainState(sourceIds, jobId, layerName, null, null);
    }

    String encode() {
        StringBuilder s = new StringBuilder("sources=");
        for (int i = 0; i < sourceIds.size(); i++) {
            s.append(i == 0 ? "" : ",").append(sourceIds.get(i));
        }
        if (jobId != null) {
            s.append("&job=").append(jobId).append("&layer=").append(enc(layerName));
        }
        if (exportStatusUrl != null) {
            s.append("&export=").append(exportId == null ? "" : exportId).append("&exportUrl=")
                    .append(enc(exportStatusUrl));
        }
        return s.toString();
    }

    /** The state stored for a message, or null when there is none (or it cannot be read). */
    static ChainState decode(String text) {
        if (text == null || !text.startsWith("sources=")) {
            return null;
        }
        List<Long> sources = new ArrayList<>();
        Long job = null;
        String layer = null;
        Long export = null;
        String exportUrl = null;
        try {
            for (String part : text.split("&")) {
                int eq = part.indexOf('=');
                String key = part.substring(0, eq);
                String value = part.substring(eq + 1);
                switch (key) {
                    case "sources" -> {
                        for (String id : value.split(",")) {
                            if (!id.isBlank()) {
                                sources.add(Long.parseLong(id));
                            }
                        }
                    }
                    case "job" -> job = Long.parseLong(value);
                    case "layer" -> layer = dec(value);
                    case "export" -> export = value.isEmpty() ? null : Long.parseLong(value);
                    case "exportUrl" -> exportUrl = dec(value);
                    default -> {
                        // written by a later version: ignore
                    }
                }
            }
        } catch (RuntimeException unreadable) {
            return null;
        }
        return sources.isEmpty() ? null : new ChainState(sources, job, layer, export, exportUrl);
    }

    private static String enc(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return s.isEmpty() ? null : URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
