package io.camelinference.common.body;

import java.io.IOException;

import io.camelinference.common.json.Json;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;

/** A request body that can make a fresh entity producer for every attempt of a request. */
public interface RequestBody {

    /** A new producer for one attempt. */
    AsyncEntityProducer newProducer() throws IOException;

    /** Whether another attempt can produce the body again. */
    boolean replayable();

    /** Whether the body streams file content (bounded by the transfer timeout rather than the request timeout). */
    default boolean streamed() {
        return false;
    }

    /** A JSON body, serialised once. */
    static RequestBody json(Object value) {
        byte[] data = Json.write(value);
        return bytes(data, ContentType.APPLICATION_JSON);
    }

    static RequestBody bytes(byte[] data, ContentType type) {
        return new RequestBody() {
            @Override
            public AsyncEntityProducer newProducer() {
                return new BasicAsyncEntityProducer(data, type);
            }

            @Override
            public boolean replayable() {
                return true;
            }
        };
    }

    /** Streams the source as raw bytes, logging progress for long uploads. */
    static RequestBody upload(UploadSource source, ContentType type) {
        return new RequestBody() {
            @Override
            public AsyncEntityProducer newProducer() {
                return new ChannelEntityProducer(source, type, new ProgressLog("Uploading " + source.name(), source.length()));
            }

            @Override
            public boolean replayable() {
                return source.replayable();
            }

            @Override
            public boolean streamed() {
                return true;
            }
        };
    }
}
