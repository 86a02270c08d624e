package io.camelinference.emulator.deepomatic;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * The emulator's sample images, public like images on the web: inference fetches them by URL, so that clients can use
 * {@code image.source} URLs without the emulator reaching the internet.
 */
final class SampleImageRoutes {

    private static final String IMAGES = DeepomaticProvider.IMAGES;

    private final EmulatorContext ctx;

    SampleImageRoutes(EmulatorContext ctx) {
        this.ctx = ctx;
    }

    void register() {
        ctx.publicRoute("GET", IMAGES, r -> list());
        ctx.publicRoute("GET", IMAGES + "/{name}", this::image);
    }

    private Reply list() {
        ArrayNode arr = Json.array();
        for (String name : SampleImages.all().keySet()) {
            arr.add(ctx.baseUrl() + IMAGES + "/" + name);
        }
        return Reply.json(arr);
    }

    private Reply image(Request r) {
        byte[] image = SampleImages.get(r.var("name"));
        if (image == null) {
            throw new ApiError(404, "No sample image " + r.var("name") + "; there are " + SampleImages.all().keySet()
                    + ".");
        }
        return Reply.bytes(200, "image/png", image);
    }
}
