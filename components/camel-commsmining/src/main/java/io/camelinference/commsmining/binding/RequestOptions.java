package io.camelinference.commsmining.binding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.camelinference.commsmining.CommsMiningConfiguration;
import io.camelinference.commsmining.CommsMiningConstants;
import io.camelinference.commsmining.model.LabelRequest;
import io.camelinference.commsmining.operation.PredictSettings;
import io.camelinference.commsmining.operation.PredictTarget;
import io.camelinference.common.json.Json;
import io.camelinference.common.operation.MessageValues;
import org.apache.camel.Message;

/**
 * The values every operation takes from options and headers (a header overrides the option), parsed and checked the
 * same way at endpoint creation and per message: project, dataset, model version (a number, live, staging, latest),
 * threshold (0 to 1, or auto) and labels ({@code Billing > Refund:0.6,Order}).
 */
public final class RequestOptions {

    private RequestOptions() {
    }

    /** Checks the options of an endpoint when it is created; the message names the option and what it accepts. */
    public static void validate(CommsMiningConfiguration c) {
        modelVersion(c.getModelVersion(), "option modelVersion");
        threshold(c.getThreshold(), "option threshold");
        labels(c.getLabels(), "option labels");
        range("batchSize", c.getBatchSize(), 0, 4096);
        range("maxConcurrentRequests", c.getMaxConcurrentRequests(), 1, 64);
        range("fetchSize", c.getFetchSize(), 1, 1024);
        range("maxAttempts", c.getMaxAttempts(), 1, 1000);
        if (c.getBatchLinger() < 1) {
            throw new IllegalArgumentException("commsmining option batchLinger must be at least 1 ms, was "
                    + c.getBatchLinger() + " ms (a value that is not a duration reads as 0; write e.g. 50 or 200ms)");
        }
        if (c.getTransformTag() == null || c.getTransformTag().isBlank()) {
            throw new IllegalArgumentException("commsmining option transformTag must not be empty; the generic tag is"
                    + " generic.0.CONVKER5");
        }
    }

    static PredictTarget target(Message in, CommsMiningConfiguration c, String what) {
        String project = MessageValues.required(in, CommsMiningConstants.PROJECT, c.getProject(), what, "project");
        String dataset = MessageValues.required(in, CommsMiningConstants.DATASET, c.getDataset(), what, "dataset");
        String version = modelVersion(MessageValues.option(in, CommsMiningConstants.MODEL_VERSION, c.getModelVersion(),
                String.class), in.getHeader(CommsMiningConstants.MODEL_VERSION) != null
                ? "header " + CommsMiningConstants.MODEL_VERSION : "option modelVersion");
        return new PredictTarget(project, dataset, version);
    }

    /** Threshold and labels: the header's, else the request body's own, else the option's. */
    static PredictSettings settings(Message in, CommsMiningConfiguration c, Object bodyThreshold,
                                    List<LabelRequest> bodyLabels) {
        Object header = in.getHeader(CommsMiningConstants.THRESHOLD);
        Object threshold = header != null ? threshold(header, "header " + CommsMiningConstants.THRESHOLD)
                : bodyThreshold != null ? threshold(bodyThreshold, "the request's threshold")
                : threshold(c.getThreshold(), "option threshold");
        Object labelsHeader = in.getHeader(CommsMiningConstants.LABELS);
        List<LabelRequest> labels = labelsHeader != null ? labels(labelsHeader, "header " + CommsMiningConstants.LABELS)
                : bodyLabels != null ? bodyLabels : labels(c.getLabels(), "option labels");
        return new PredictSettings(threshold, labels, c.isIncludeComments(), c.getTransformTag());
    }

    static String modelVersion(String version, String source) {
        String v = version == null ? "" : version.strip().toLowerCase(Locale.ROOT);
        if (!v.matches("\\d{1,9}|live|staging|latest")) {
            throw new IllegalArgumentException("commsmining " + source + " must be a model version number, live,"
                    + " staging or latest; was '" + version + "'");
        }
        return v;
    }

    /** {@code "auto"}, a Double from 0 to 1, or null (the service's default). */
    static Object threshold(Object value, String source) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String s = value.toString().strip();
        if ("auto".equalsIgnoreCase(s)) {
            return "auto";
        }
        try {
            double d = Double.parseDouble(s);
            if (d >= 0 && d <= 1) {
                return d;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("commsmining " + source + " must be a number from 0 to 1, or auto; was '"
                + value + "'");
    }

    /** Labels from the comma-separated form, a List of those Strings, LabelRequests or Maps; null when none. */
    static List<LabelRequest> labels(Object value, String source) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        List<LabelRequest> out = new ArrayList<>();
        Collection<?> items = value instanceof Collection<?> c ? c : MessageValues.list(value);
        for (Object item : items) {
            if (item instanceof LabelRequest l) {
                out.add(l);
            } else if (item instanceof Map<?, ?> m) {
                out.add(Json.convert(m, LabelRequest.class));
            } else if (item != null && !item.toString().isBlank()) {
                out.add(label(item.toString().strip(), source));
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static LabelRequest label(String spec, String source) {
        String name = spec;
        Double threshold = null;
        int colon = spec.lastIndexOf(':');
        if (colon > 0) {
            name = spec.substring(0, colon);
            if (!(threshold(spec.substring(colon + 1), source + " (label " + name.strip() + ")") instanceof Double d)) {
                throw new IllegalArgumentException("commsmining " + source + ": label " + name.strip() + " needs a"
                        + " number from 0 to 1 after the colon");
            }
            threshold = d;
        }
        List<String> parts = new ArrayList<>();
        for (String p : name.split(">")) {
            if (p.isBlank()) {
                throw new IllegalArgumentException("commsmining " + source + ": '" + spec + "' has an empty level;"
                        + " write labels like Billing > Refund:0.6,Order");
            }
            parts.add(p.strip());
        }
        return new LabelRequest(parts, threshold);
    }

    private static void range(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("commsmining option " + option + " must be " + min + " to " + max
                    + ", was " + value);
        }
    }
}
