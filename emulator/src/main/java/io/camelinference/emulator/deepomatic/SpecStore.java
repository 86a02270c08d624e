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

import io.camelinference.emulator.spi.ApiError;

/**
 * The emulated Deepomatic's state: public specifications (fixed), private ones (created by the client), and the ids of
 * the tasks in creation order. The tasks themselves are jobs in the emulator's job registry.
 */
final class SpecStore {

    private final Map<String, Spec> publicSpecs = new LinkedHashMap<>();
    private final Map<Integer, Spec> privateSpecs = new ConcurrentSkipListMap<>();
    /** Task ids in creation order, for the unfiltered task list. */
    private final Map<Long, Boolean> taskIds = new ConcurrentSkipListMap<>();
    private final AtomicInteger nextSpecId = new AtomicInteger(1);
    private final AtomicLong nextTaskId = new AtomicLong(1000);

    SpecStore() {
        publicSpecs.put("dominant-color-v1", Spec.backedBy("dominant-color-v1", "Dominant colour",
                "Exclusive classifier: the colour that covers most of the image.", new DominantColorModel(), 1));
        publicSpecs.put("color-blobs-v1", Spec.backedBy("color-blobs-v1", "Colour blobs",
                "Detector: solid regions of red, yellow, green, blue or purple, with boxes.", new ColorBlobDetector(), 2));
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
        Spec spec = null;
        if (isPublic) {
            spec = publicSpecs.get(id);
        } else {
            try {
                spec = privateSpecs.get(Integer.parseInt(id));
            } catch (NumberFormatException e) {
                // private ids are integers: not found
            }
        }
        if (spec != null) {
            return spec;
        }
        throw isPublic
                ? new ApiError(404, "No public recognition specification '" + id + "'. Public specifications: "
                        + publicSpecs.keySet() + ".")
                : new ApiError(404, "No recognition specification " + id + " in your account (private specification"
                        + " ids are integers; public ones are under /recognition/public/).");
    }

    int nextSpecId() {
        return nextSpecId.getAndIncrement();
    }

    void addPrivate(int id, Spec spec) {
        privateSpecs.put(id, spec);
    }

    void removePrivate(Spec spec) {
        privateSpecs.remove((Integer) spec.id);
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
        taskIds.clear();
        nextSpecId.set(1);
    }
}
