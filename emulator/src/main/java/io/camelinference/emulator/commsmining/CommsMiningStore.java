package io.camelinference.emulator.commsmining;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;

/**
 * What the emulated tenant holds: the dataset {@value #DEMO_PROJECT}/{@value #DEMO_DATASET} (models trained on the
 * shipped e-mails, the source {@value #DEMO_PROJECT}/{@value #DEMO_SOURCE} with the shipped comments, and the streams
 * {@value #INBOUND} and {@value #COMPLAINTS}), and a dataset {@value #PRIVATE_DATASET} the token may not read (403).
 * {@link #reset} puts it back as it was at start.
 */
final class CommsMiningStore {

    static final String DEMO_PROJECT = "demo";
    static final String DEMO_DATASET = "support-emails";
    static final String DEMO_SOURCE = "inbox";
    static final String DEMO_SOURCE_ID = "18ba5ce699f8da1f";
    static final String PRIVATE_DATASET = "private/hr-emails";
    static final String INBOUND = "inbound";
    static final String COMPLAINTS = "complaints";

    /** A source: comments are synced into it; the datasets that include it see them. */
    record Source(String id, String project, String name, Dataset dataset) {
    }

    private final ModelVersions versions;
    private final Map<String, Dataset> datasets = new LinkedHashMap<>();
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, StoredComment> comments = new ConcurrentHashMap<>();

    CommsMiningStore(ModelVersions versions) {
        this.versions = versions;
        reset();
    }

    synchronized void reset() {
        datasets.clear();
        sources.clear();
        comments.clear();
        Dataset demo = new Dataset("2f7b4c2d9e1a0b31", DEMO_PROJECT, DEMO_DATASET, false, versions);
        datasets.put(demo.fullName(), demo);
        Dataset hr = new Dataset("8c1d0e2f3a4b5c6d", "private", "hr-emails", true, versions);
        datasets.put(hr.fullName(), hr);
        Source inbox = new Source(DEMO_SOURCE_ID, DEMO_PROJECT, DEMO_SOURCE, demo);
        sources.put(DEMO_PROJECT + "/" + DEMO_SOURCE, inbox);
        for (JsonNode seed : TrainingSet.readLines("commsmining/comments.jsonl")) {
            Instant created = Instant.parse(seed.get("timestamp").asText()).plus(Duration.ofMinutes(5));
            store(inbox, StoredComment.of(inbox.id(), seed, created));
        }
        Map<String, Double> all = new LinkedHashMap<>();
        versions.taxonomy().all().forEach(l -> all.put(l, 0.3));
        demo.putStream(new StreamState("a1b2c3d4e5f60718", INBOUND, "Inbound support e-mails",
                "Every comment, labelled by the live model", Instant.parse("2024-02-20T10:00:00Z"), ModelVersions.LIVE,
                all, null, 0));
        demo.putStream(new StreamState("b2c3d4e5f6071829", COMPLAINTS, "Complaints",
                "Only comments the live model reads as complaints", Instant.parse("2024-02-20T10:00:00Z"),
                ModelVersions.LIVE, Map.of("Feedback > Complaint", 0.5), "Feedback > Complaint", 0.5));
    }

    /** The dataset; 404 when it does not exist, 403 when the token may not read it. */
    synchronized Dataset dataset(String project, String name) {
        Dataset d = datasets.get(project + "/" + name);
        if (d == null) {
            throw new ApiError(404, "Dataset '" + project + "/" + name + "' does not exist");
        }
        if (d.restricted()) {
            throw new ApiError(403, "Missing permissions 'View labels' and 'View sources' on project '"
                    + d.project() + "'");
        }
        return d;
    }

    synchronized Source source(String project, String name) {
        Source s = sources.get(project + "/" + name);
        if (s == null) {
            throw new ApiError(404, "Source '" + project + "/" + name + "' does not exist");
        }
        return s;
    }

    /** A comment of any source by uid, or null. */
    StoredComment comment(String uid) {
        return comments.get(uid);
    }

    /**
     * Syncs comments into a source: new ones are appended to the datasets' sequence (created now), changed ones
     * replaced where they are, equal ones left alone.
     *
     * @return {@code {new, updated, unchanged}}
     */
    synchronized ObjectNode sync(Source source, JsonNode synced) {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (JsonNode c : synced) {
            StoredComment existing = comments.get(source.id() + "." + c.get("id").asText());
            if (existing == null) {
                Instant now = Instant.now();
                Instant last = source.dataset().lastCreatedAt();
                store(source, StoredComment.of(source.id(), c, now.isAfter(last) ? now : last.plusMillis(1)));
                added++;
            } else if (existing.sameAs(c)) {
                unchanged++;
            } else {
                store(source, existing.updatedWith(c));
                updated++;
            }
        }
        return Json.object().put("new", added).put("updated", updated).put("unchanged", unchanged);
    }

    private void store(Source source, StoredComment comment) {
        comments.put(comment.uid(), comment);
        source.dataset().put(comment);
    }

    /** Every dataset's billing, comments and streams. */
    synchronized ObjectNode state() {
        ObjectNode n = Json.object();
        ObjectNode ds = n.putObject("datasets");
        datasets.forEach((k, d) -> ds.set(k, d.state()));
        return n;
    }
}
