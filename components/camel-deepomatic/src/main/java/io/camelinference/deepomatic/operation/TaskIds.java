package io.camelinference.deepomatic.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** The task id of each image of a message as it becomes known, so a failed message can still name its tasks. */
public final class TaskIds {

    private final AtomicReferenceArray<String> ids;

    public TaskIds(int images) {
        this.ids = new AtomicReferenceArray<>(images);
    }

    void set(int index, String taskId) {
        ids.set(index, taskId);
    }

    /** One entry per image, in body order; null for an image whose task is not known. */
    public List<String> snapshot() {
        List<String> out = new ArrayList<>(ids.length());
        for (int i = 0; i < ids.length(); i++) {
            out.add(ids.get(i));
        }
        return out;
    }
}
