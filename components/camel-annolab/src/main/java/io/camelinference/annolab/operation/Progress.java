package io.camelinference.annolab.operation;

import java.util.List;

/**
 * What an operation learnt about its message's sources, job and export, as it went: the binding puts it on the
 * message as headers once, on success and on failure alike (a failed job's id and sources, an errored export's id).
 * Steps run one after the other; the fields are volatile because they run on different completion threads.
 */
public final class Progress {

    private volatile List<Long> sourceIds;
    private volatile Long jobId;
    private volatile String layerName;
    private volatile String status;
    private volatile Long exportId;
    private volatile String exportStatus;

    void sources(List<Long> ids) {
        if (ids != null) {
            sourceIds = List.copyOf(ids);
        }
    }

    void job(Long id, String layer) {
        jobId = id;
        if (layer != null) {
            layerName = layer;
        }
    }

    void status(String state) {
        if (state != null) {
            status = state;
        }
    }

    void export(Long id) {
        if (id != null) {
            exportId = id;
        }
    }

    void exportStatus(String state) {
        if (state != null) {
            exportStatus = state;
        }
    }

    public List<Long> sourceIds() {
        return sourceIds;
    }

    public Long jobId() {
        return jobId;
    }

    public String layerName() {
        return layerName;
    }

    public String status() {
        return status;
    }

    public Long exportId() {
        return exportId;
    }

    public String exportStatus() {
        return exportStatus;
    }
}
