package io.camelinference.deepomatic.operation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.camelinference.common.body.MultipartFormBody;
import io.camelinference.common.body.UploadSource;
import io.camelinference.common.operation.Operation;
import io.camelinference.deepomatic.client.DeepomaticClient;
import io.camelinference.deepomatic.model.DeepomaticNetwork;
import org.apache.hc.core5.http.ContentType;

/** The network operations: networks, network, create-network, update-network and delete-network. */
public final class NetworkOperations {

    /**
     * One network, as a binding read it.
     *
     * @param networkId its id
     * @param isPublic  whether it is a public one
     */
    public record NetworkRef(String networkId, boolean isPublic) {
    }

    /**
     * Changes to one of your networks.
     *
     * @param networkId its id
     * @param changes   name, description or metadata, as a Map
     */
    public record NetworkChange(String networkId, Map<String, Object> changes) {
    }

    private final DeepomaticClient client;
    private final Path spoolDirectory;

    public NetworkOperations(DeepomaticClient client, Path spoolDirectory) {
        this.client = client;
        this.spoolDirectory = spoolDirectory;
    }

    /** {@code networks}: the public networks (true) or your own (false), every page. */
    public Operation<Boolean, List<DeepomaticNetwork>> list() {
        return client::networks;
    }

    public Operation<NetworkRef, DeepomaticNetwork> get() {
        return ref -> client.network(ref.networkId(), ref.isPublic());
    }

    /**
     * {@code create-network}: one streamed multipart upload of the fields and files; a stream of unknown length is
     * spooled first (a multipart part needs its length), and the spool files are deleted once the call ended.
     */
    public Operation<NetworkUpload, DeepomaticNetwork> create() {
        return upload -> {
            List<UploadSource> spooled = new ArrayList<>();
            CompletableFuture<DeepomaticNetwork> created;
            try {
                MultipartFormBody.Builder form = MultipartFormBody.builder();
                upload.fields().forEach(form::field);
                for (Map.Entry<String, UploadSource> file : upload.files().entrySet()) {
                    UploadSource known = file.getValue().withKnownLength(spoolDirectory);
                    spooled.add(known);
                    form.file(file.getKey(), known, ContentType.APPLICATION_OCTET_STREAM);
                }
                created = client.createNetwork(form.build());
            } catch (RuntimeException e) {
                spooled.forEach(UploadSource::release);
                throw e;
            }
            return created.whenComplete((network, error) -> spooled.forEach(UploadSource::release));
        };
    }

    public Operation<NetworkChange, DeepomaticNetwork> update() {
        return change -> client.updateNetwork(change.networkId(), change.changes());
    }

    /** {@code delete-network}: completes with the deleted network's id. */
    public Operation<String, String> delete() {
        return networkId -> client.deleteNetwork(networkId).thenApply(deleted -> networkId);
    }

    /** {@code account}: the account the API key belongs to. */
    public Operation<Void, Map<String, Object>> account() {
        return none -> client.account();
    }
}
