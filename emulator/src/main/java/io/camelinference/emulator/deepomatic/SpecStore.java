package io.camelinference.emulator.deepomatic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;

/**
 * The emulated Deepomatic's state: public specifications and networks (fixed), private ones (created by the client),
 * recognition versions linking a private specification to a private network, and the ids of the tasks in creation
 * order. The tasks themselves are jobs in the emulator's job registry. Deletions cascade as the API's relations do:
 * deleting a specification or a network deletes its versions, and deleting a specification's current version leaves
 * the specification without one.
 */
final class SpecStore {

    private final Map<String, Spec> publicSpecs = new LinkedHashMap<>();
    private final Map<Integer, Spec> privateSpecs = new ConcurrentSkipListMap<>();
    private final Map<String, Network> publicNetworks = new LinkedHashMap<>();
    private final Map<Integer, Network> privateNetworks = new ConcurrentSkipListMap<>();
    private final Map<Integer, Version> versions = new ConcurrentSkipListMap<>();
    /** Task ids in creation order, for the unfiltered task list. */
    private final Map<Long, Boolean> taskIds = new ConcurrentSkipListMap<>();
    private final AtomicInteger nextSpecId = new AtomicInteger(1);
    private final AtomicInteger nextNetworkId = new AtomicInteger(1);
    private final AtomicInteger nextVersionId = new AtomicInteger(1);
    private final AtomicLong nextTaskId = new AtomicLong(1000);

    SpecStore() {
        publicSpecs.put("dominant-color-v1", Spec.backedBy("dominant-color-v1", "Dominant colour",
                "Exclusive classifier: the colour that covers most of the image.", new DominantColorModel(), 1));
        publicSpecs.put("color-blobs-v1", Spec.backedBy("color-blobs-v1", "Colour blobs",
                "Detector: solid regions of red, yellow, green, blue or purple, with boxes.", new ColorBlobDetector(), 2));
        publicNetworks.put("dominant-color-net", publicNetwork("dominant-color-net", "Dominant colour network",
                "The network behind dominant-color-v1: colour shares of a 192-pixel grid."));
        publicNetworks.put("color-blobs-net", publicNetwork("color-blobs-net", "Colour blobs network",
                "The network behind color-blobs-v1: connected regions of one saturated colour."));
    }

    private static Network publicNetwork(String id, String name, String description) {
        ObjectNode preprocessing = Json.object();
        ObjectNode image = preprocessing.putArray("inputs").addObject().put("tensor_name", "image").putObject("image");
        image.put("dimension_order", "NHWC").put("target_size", "192x192").put("resize_type", "SQUASH")
                .put("color_channels", "RGB").put("pixel_scaling", 255.0).put("data_type", "FLOAT32");
        preprocessing.put("batched_output", true);
        return new Network(id, name, description, Json.object(), "tensorflow-1.x", preprocessing, Json.array(), null,
                Map.of());
    }

    Set<String> publicSpecIds() {
        return publicSpecs.keySet();
    }

    /** The public or the private specifications, in id order. */
    Collection<Spec> specs(boolean isPublic) {
        return isPublic ? publicSpecs.values() : privateSpecs.values();
    }

    /** The specification, or a 404 that says where the others are. */
    Spec find(String id, boolean isPublic) {
        Spec spec = isPublic ? publicSpecs.get(id) : privateSpecs.get(intId(id));
        if (spec != null) {
            return spec;
        }
        throw isPublic
                ? new ApiError(404, "No public recognition specification '" + id + "'. Public specifications: "
                        + publicSpecs.keySet() + ".")
                : new ApiError(404, "No recognition specification " + id + " in your account (private specification"
                        + " ids are integers; public ones are under /recognition/public/).");
    }

    /** A private specification by id, or null. */
    Spec privateSpec(int id) {
        return privateSpecs.get(id);
    }

    int nextSpecId() {
        return nextSpecId.getAndIncrement();
    }

    void addPrivate(int id, Spec spec) {
        privateSpecs.put(id, spec);
    }

    /** Removes a private specification and its versions. */
    void removePrivate(Spec spec) {
        privateSpecs.remove((Integer) spec.id);
        versions.values().removeIf(v -> v.specId == (Integer) spec.id);
    }

    /** The public or the private networks, in id order. */
    Collection<Network> networks(boolean isPublic) {
        return isPublic ? publicNetworks.values() : privateNetworks.values();
    }

    Network network(String id, boolean isPublic) {
        Network network = isPublic ? publicNetworks.get(id) : privateNetworks.get(intId(id));
        if (network != null) {
            return network;
        }
        throw isPublic
                ? new ApiError(404, "No public network '" + id + "'. Public networks: " + publicNetworks.keySet() + ".")
                : new ApiError(404, "No network " + id + " in your account (private network ids are integers; public"
                        + " ones are under /networks/public/).");
    }

    /** A private network by id, or null. */
    Network privateNetwork(int id) {
        return privateNetworks.get(id);
    }

    int nextNetworkId() {
        return nextNetworkId.getAndIncrement();
    }

    void addNetwork(Network network) {
        privateNetworks.put((Integer) network.id, network);
    }

    /** Removes a private network and the versions that run on it. */
    void removeNetwork(Network network) {
        privateNetworks.remove((Integer) network.id);
        for (Version v : new ArrayList<>(versions.values())) {
            if (v.networkId == (Integer) network.id) {
                removeVersion(v);
            }
        }
    }

    /** All versions, or those of one specification, in id order. */
    List<Version> versions(Integer specId) {
        return versions.values().stream().filter(v -> specId == null || v.specId == specId).toList();
    }

    Version version(String id) {
        Version version = versions.get(intId(id));
        if (version == null) {
            throw new ApiError(404, "No recognition version " + id + " in your account.");
        }
        return version;
    }

    /** Adds a version; a specification without a current version gets this one, so it can run inference at once. */
    Version addVersion(int specId, int networkId, ArrayNode postProcessings) {
        Version version = new Version(nextVersionId.getAndIncrement(), specId, networkId, postProcessings);
        versions.put(version.id, version);
        Spec spec = privateSpecs.get(specId);
        if (spec != null && spec.currentVersionId == null) {
            spec.currentVersionId = version.id;
        }
        return version;
    }

    /** Removes a version; a specification whose current version it was is left without one. */
    void removeVersion(Version version) {
        versions.remove(version.id);
        Spec spec = privateSpecs.get(version.specId);
        if (spec != null && Integer.valueOf(version.id).equals(spec.currentVersionId)) {
            spec.currentVersionId = null;
        }
    }

    /** The version a specification's current_version_id names, or null. */
    Version current(Spec spec) {
        return spec.currentVersionId == null ? null : versions.get(spec.currentVersionId);
    }

    ObjectNode render(Version version) {
        Spec spec = privateSpecs.get(version.specId);
        Network network = privateNetworks.get(version.networkId);
        return version.toJson(spec == null ? null : spec.name, network == null ? null : network.name);
    }

    /** A new task id, remembered for the unfiltered task list. */
    long newTaskId() {
        long id = nextTaskId.getAndIncrement();
        taskIds.put(id, Boolean.TRUE);
        return id;
    }

    /** Every task id, oldest first. */
    List<Long> taskIds() {
        return new ArrayList<>(taskIds.keySet());
    }

    void reset() {
        privateSpecs.clear();
        privateNetworks.clear();
        versions.clear();
        taskIds.clear();
        nextSpecId.set(1);
        nextNetworkId.set(1);
        nextVersionId.set(1);
    }

    /** A private id (an integer), or -1 for anything else (found nowhere). */
    static int intId(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
