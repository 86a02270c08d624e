package io.camelinference.annolab.binding;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.camelinference.annolab.AnnoLabConfiguration;
import io.camelinference.annolab.AnnoLabConstants;
import io.camelinference.annolab.operation.Target;
import io.camelinference.common.operation.MessageValues;
import org.apache.camel.Message;

/** The values the AnnoLab bindings read alike: the target (header over option), source ids, output directory. */
final class Targets {

    private Targets() {
    }

    /**
     * The project (and for infer the model and layer) from headers or options, each checked per message with one
     * message naming the option and the header.
     */
    static Target of(Message in, AnnoLabConfiguration c, String operation, boolean infer) {
        String what = "annolab:" + operation;
        if (c.getGroupName() == null || c.getGroupName().isBlank()) {
            throw new IllegalArgumentException(what + " needs groupName: set the option groupName on the endpoint or"
                    + " component");
        }
        String project = MessageValues.required(in, AnnoLabConstants.PROJECT_IDENTIFIER, c.getProjectIdentifier(),
                what, "projectIdentifier");
        String model = infer ? MessageValues.required(in, AnnoLabConstants.MODEL_IDENTIFIER, c.getModelIdentifier(),
                what, "modelIdentifier") : null;
        String layer = infer ? MessageValues.required(in, AnnoLabConstants.OUTPUT_LAYER_IDENTIFIER,
                c.getOutputLayerIdentifier(), what, "outputLayerIdentifier")
                : MessageValues.option(in, AnnoLabConstants.OUTPUT_LAYER_IDENTIFIER, c.getOutputLayerIdentifier(),
                        String.class);
        String directory = MessageValues.option(in, AnnoLabConstants.DIRECTORY_IDENTIFIER, c.getDirectoryIdentifier(),
                String.class);
        return new Target(c.getGroupName().strip(), project, model, layer,
                directory == null || directory.isBlank() ? null : directory.strip());
    }

    /** The body's source ids (a List, long or int array), or null when the body is something else (a document). */
    static List<Long> sourceIds(Object body, String operation) {
        List<Long> ids = new ArrayList<>();
        if (body instanceof long[] array) {
            Arrays.stream(array).forEach(ids::add);
        } else if (body instanceof int[] array) {
            Arrays.stream(array).forEach(i -> ids.add((long) i));
        } else if (body instanceof Collection<?> list) {
            for (Object id : list) {
                if (id instanceof Number n) {
                    ids.add(n.longValue());
                } else if (id != null && id.toString().strip().matches("\\d{1,18}")) {
                    ids.add(Long.parseLong(id.toString().strip()));
                } else {
                    throw new IllegalArgumentException("annolab:" + operation + " got a List body, which must hold"
                            + " source ids (numbers), but it holds " + id);
                }
            }
        } else {
            return null;
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("annolab:" + operation + " got an empty list of source ids: nothing to"
                    + " do, nothing was sent to AnnoLab");
        }
        return ids;
    }

    /** The output directory from the header or the option, or null. */
    static Path outputDirectory(Message in, AnnoLabConfiguration c) {
        String dir = MessageValues.option(in, AnnoLabConstants.OUTPUT_DIRECTORY, c.getOutputDirectory(), String.class);
        return dir == null || dir.isBlank() ? null : Paths.get(dir.strip());
    }
}
