package io.camelinference.emulator.annolab;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/** A project of a group, with its directories and annotation layers by name. */
final class Project {

    final long id;
    final String name;
    final String group;
    final long groupId;
    final boolean isPublic;
    final Map<String, Directory> directories = new ConcurrentHashMap<>();
    final Map<String, Layer> layers = new ConcurrentHashMap<>();

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
}
