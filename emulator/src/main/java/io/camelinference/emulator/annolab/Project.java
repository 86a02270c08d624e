package io.camelinference.emulator.annolab;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * A project of a group, with its directories, annotation layers and annotation types by name. A new project has the
 * directory {@value AnnoLabProvider#DEFAULT_DIRECTORY} (where sources land when a call names no directory) and the
 * layer {@value AnnoLabProvider#DEFAULT_LAYER} (where annotations land when a call names no layer).
 */
final class Project {

    final long id;
    final String name;
    final String group;
    final long groupId;
    final boolean isPublic;
    final Map<String, Directory> directories = new ConcurrentHashMap<>();
    final Map<String, Layer> layers = new ConcurrentHashMap<>();
    final Map<String, AnnotationType> types = new ConcurrentHashMap<>();

    Project(long id, String name, String group, long groupId, boolean isPublic) {
        this.id = id;
        this.name = name;
        this.group = group;
        this.groupId = groupId;
        this.isPublic = isPublic;
    }

    ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("name", name);
        n.put("groupName", group);
        n.put("groupId", groupId);
        n.put("isPublic", isPublic);
        n.put("defaultDirectory", AnnoLabProvider.DEFAULT_DIRECTORY);
        return n;
    }

    /** A directory by name or id, or null (looking up never creates one). */
    Directory findDirectory(String identifier) {
        Directory d = directories.get(identifier);
        if (d == null && RequestFields.isNumber(identifier)) {
            long id = Long.parseLong(identifier);
            d = directories.values().stream().filter(x -> x.id() == id).findFirst().orElse(null);
        }
        return d;
    }

    Layer defaultLayer() {
        return layers.get(AnnoLabProvider.DEFAULT_LAYER);
    }
}
