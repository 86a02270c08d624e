package io.camelinference.common.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Runs the YAML a component's README shows: the first {@code ```yaml} block under a heading of the module's README.md
 * is loaded as routes, so the documented snippet is the tested one and cannot rot.
 */
public final class ReadmeRoutes {

    private ReadmeRoutes() {
    }

    /** The first yaml block after the heading (a line {@code ## heading} or deeper). */
    public static String yaml(String heading) throws IOException {
        return yaml(Paths.get("README.md"), heading);
    }

    static String yaml(Path readme, String heading) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int at = text.indexOf("# " + heading + "\n");
        if (at < 0) {
            throw new IllegalStateException(readme + " has no heading '" + heading + "'");
        }
        int begin = text.indexOf("```yaml\n", at);
        int end = begin < 0 ? -1 : text.indexOf("\n```", begin + 8);
        if (begin < 0 || end < 0) {
            throw new IllegalStateException(readme + " has no yaml block under '" + heading + "'");
        }
        return text.substring(begin + 8, end + 1);
    }

    /** Loads the README's routes under the heading into the context. */
    public static void load(CamelContext context, String heading) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("readme.camel.yaml",
                yaml(heading)));
    }
}
