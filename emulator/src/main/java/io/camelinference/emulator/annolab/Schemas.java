package io.camelinference.emulator.annolab;

import io.camelinference.emulator.spi.ApiError;

/**
 * What a project's schema holds beside its sources: directories, annotation layers and annotation types, created
 * explicitly (409 for a name that exists) or, for types, on first use by name.
 */
final class Schemas {

    private final AnnoLabStore store;

    Schemas(AnnoLabStore store) {
        this.store = store;
    }

    /** An existing directory by name or id (404 otherwise); the default one for null. */
    Directory existingDirectory(Project p, String identifier) {
        Directory d = identifier == null ? p.directories.get(AnnoLabProvider.DEFAULT_DIRECTORY)
                : p.findDirectory(identifier);
        if (d == null) {
            throw new ApiError(404, "Directory '" + identifier + "' not found in project '" + p.name + "'");
        }
        return d;
    }

    synchronized Directory createDirectory(Project p, String name) {
        if (p.directories.containsKey(name)) {
            throw new ApiError(409, "A directory named '" + name + "' already exists in project '" + p.name + "'");
        }
        Directory d = new Directory(store.nextId(), name);
        p.directories.put(name, d);
        return d;
    }

    synchronized Layer createLayer(Project p, String name, boolean gold, String description) {
        if (p.layers.containsKey(name)) {
            throw new ApiError(409, "A layer named '" + name + "' already exists in project '" + p.name + "'");
        }
        Layer l = new Layer(store.nextId(), name, gold, description);
        p.layers.put(name, l);
        return l;
    }

    synchronized AnnotationType createType(Project p, String name, String color, String category, boolean relation,
                                           boolean documentClassification) {
        if (p.types.containsKey(name)) {
            throw new ApiError(409, "An annotation type named '" + name + "' already exists in project '" + p.name
                    + "'");
        }
        AnnotationType t = new AnnotationType(store.nextId(), name, color, category, relation, documentClassification);
        p.types.put(name, t);
        return t;
    }

    /** The type of that name, created as a plain type of that kind when the project has none. */
    AnnotationType typeNamed(Project p, String name, boolean relation, boolean documentClassification) {
        return p.types.computeIfAbsent(name, n -> new AnnotationType(store.nextId(), n, null, null, relation,
                documentClassification));
    }
}
