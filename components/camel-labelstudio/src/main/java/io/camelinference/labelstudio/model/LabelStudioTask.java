package io.camelinference.labelstudio.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One task of a {@code /predict} request, the body of the ML-backend consumer's exchange: its id, data, annotations
 * and predictions, the project's parsed label config, and what the annotator did (interactive annotation).
 * {@link #getImage()} and {@link #getText()} give the data of the first Image and Text object, e.g.
 * {@code ${body.image}} in a route; a relative media URL ({@code /data/upload/...}) is made absolute against Label
 * Studio's base URL.
 */
public final class LabelStudioTask {

    private final long id;
    private final Long project;
    private final Map<String, Object> data;
    private final Map<String, Object> meta;
    private final List<Map<String, Object>> annotations;
    private final List<Map<String, Object>> predictions;
    private final LabelConfig labelConfig;
    private final Map<String, Object> context;
    private final String baseUrl;

    public LabelStudioTask(long id, Long project, Map<String, Object> data, Map<String, Object> meta,
                           List<Map<String, Object>> annotations, List<Map<String, Object>> predictions,
                           LabelConfig labelConfig, Map<String, Object> context, String baseUrl) {
        this.id = id;
        this.project = project;
        this.data = data == null ? Map.of() : data;
        this.meta = meta == null ? Map.of() : meta;
        this.annotations = annotations == null ? List.of() : annotations;
        this.predictions = predictions == null ? List.of() : predictions;
        this.labelConfig = labelConfig;
        this.context = context;
        this.baseUrl = baseUrl;
    }

    public long getId() {
        return id;
    }

    public Long getProject() {
        return project;
    }

    public Map<String, Object> getData() {
        return data;
    }

    public Map<String, Object> getMeta() {
        return meta;
    }

    public List<Map<String, Object>> getAnnotations() {
        return annotations;
    }

    public List<Map<String, Object>> getPredictions() {
        return predictions;
    }

    @JsonIgnore
    public LabelConfig getLabelConfig() {
        return labelConfig;
    }

    /** What the annotator did, for interactive annotation; null for a plain prediction. */
    public Map<String, Object> getContext() {
        return context;
    }

    /** The data of the first Image object (an absolute URL), or null when the config has none. */
    public String getImage() {
        return media(firstOf("Image"));
    }

    /** The data of the first Text (or HyperText) object, or null. */
    public String getText() {
        String text = firstOf("Text");
        return text != null ? text : firstOf("HyperText");
    }

    /** The data an object tag reads, by the object's name ({@code image}, {@code text}). */
    public Object value(String objectName) {
        LabelConfig.ObjectTag object = labelConfig == null ? null : labelConfig.object(objectName);
        return object == null || object.dataKey() == null ? data.get(objectName) : data.get(object.dataKey());
    }

    private String firstOf(String tag) {
        LabelConfig.ObjectTag object = labelConfig == null ? null : labelConfig.firstObject(tag);
        if (object == null || object.dataKey() == null) {
            return null;
        }
        Object v = data.get(object.dataKey());
        return v == null ? null : v.toString();
    }

    private String media(String url) {
        if (url == null || baseUrl == null || !url.startsWith("/")) {
            return url;
        }
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + url;
    }

    @Override
    public String toString() {
        return "LabelStudioTask[id=" + id + ", project=" + project + ", data=" + data.keySet() + "]";
    }
}
