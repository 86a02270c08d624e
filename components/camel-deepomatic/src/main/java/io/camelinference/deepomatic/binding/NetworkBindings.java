package io.camelinference.deepomatic.binding;

import java.util.List;
import java.util.Map;

import io.camelinference.common.operation.Binding;
import io.camelinference.common.operation.MessageValues;
import io.camelinference.deepomatic.DeepomaticConfiguration;
import io.camelinference.deepomatic.DeepomaticConstants;
import io.camelinference.deepomatic.model.DeepomaticNetwork;
import io.camelinference.deepomatic.operation.NetworkOperations.NetworkChange;
import io.camelinference.deepomatic.operation.NetworkOperations.NetworkRef;
import io.camelinference.deepomatic.operation.NetworkUpload;
import org.apache.camel.Message;

/** The bindings of the network operations and of account. */
public final class NetworkBindings {

    /** What update-network may change (the official client's Network template: the rest is immutable). */
    static final List<String> MUTABLE = List.of("name", "description", "metadata");

    private NetworkBindings() {
    }

    /** {@code networks}: which list (the publicNetwork header or option; your own when not set); the list and size. */
    public static Binding<Boolean, List<DeepomaticNetwork>> list(DeepomaticConfiguration configuration) {
        return Binding.of(exchange -> Boolean.TRUE.equals(MessageValues.option(exchange.getMessage(),
                        DeepomaticConstants.PUBLIC_NETWORK, configuration.getPublicNetwork(), Boolean.class)),
                (exchange, networks) -> {
                    exchange.getMessage().setHeader(DeepomaticConstants.NETWORK_COUNT, networks.size());
                    exchange.getMessage().setBody(networks);
                });
    }

    /** {@code network}: the id from the header, the option or the body; a string id is a public network. */
    public static Binding<NetworkRef, DeepomaticNetwork> get(DeepomaticConfiguration configuration) {
        return Binding.of(exchange -> {
            Message in = exchange.getMessage();
            String networkId = networkId(in, configuration, "deepomatic:network", true);
            return new NetworkRef(networkId, isPublic(in, configuration, networkId));
        }, (exchange, network) -> write(exchange.getMessage(), network));
    }

    /**
     * {@code create-network}: a Map of the fields (name, framework, preprocessing; description, metadata,
     * postprocessings) and the model files (File, Path, byte array or InputStream values, by part name). The
     * deployment task's id is set in the task id header, for deepomatic:task.
     */
    public static Binding<NetworkUpload, DeepomaticNetwork> create() {
        return Binding.of(exchange -> NetworkUploads.read(exchange.getMessage().getBody()), (exchange, network) -> {
            write(exchange.getMessage(), network);
            if (network.taskId() != null) {
                exchange.getMessage().setHeader(DeepomaticConstants.TASK_ID, network.taskId());
            }
        });
    }

    /** {@code update-network}: the id from the header or the option; name, description or metadata in the body. */
    public static Binding<NetworkChange, DeepomaticNetwork> update(DeepomaticConfiguration configuration) {
        return Binding.of(exchange -> {
            Message in = exchange.getMessage();
            String networkId = networkId(in, configuration, "deepomatic:update-network", false);
            requirePrivate(in, configuration, networkId, "deepomatic:update-network");
            Map<String, Object> changes = Bodies.object(in.getBody(), DeepomaticNetwork.class, "update-network",
                    "a Map, a JSON object String or a DeepomaticNetwork with name, description or metadata");
            if (in.getBody() instanceof DeepomaticNetwork) {
                // what the service sets is not a change
                List.of("id", "create_date", "update_date", "task_id").forEach(changes::remove);
            }
            for (String field : changes.keySet()) {
                if (!MUTABLE.contains(field)) {
                    throw new IllegalArgumentException("deepomatic:update-network cannot change '" + field + "': a"
                            + " network's framework, preprocessing and postprocessings are fixed at creation; only "
                            + String.join(", ", MUTABLE) + " can change");
                }
            }
            if (changes.isEmpty()) {
                throw new IllegalArgumentException("deepomatic:update-network got no change: send "
                        + String.join(", ", MUTABLE));
            }
            return new NetworkChange(networkId, changes);
        }, (exchange, network) -> write(exchange.getMessage(), network));
    }

    /** {@code delete-network}: the id from the header, the option or the body; the body becomes empty. */
    public static Binding<String, String> delete(DeepomaticConfiguration configuration) {
        return Binding.of(exchange -> {
            Message in = exchange.getMessage();
            String networkId = networkId(in, configuration, "deepomatic:delete-network", true);
            requirePrivate(in, configuration, networkId, "deepomatic:delete-network");
            return networkId;
        }, (exchange, networkId) -> {
            exchange.getMessage().setHeader(DeepomaticConstants.NETWORK_ID, networkId);
            exchange.getMessage().setBody(null);
        });
    }

    /** {@code account}: nothing to read; the account's fields as the service sends them, as a Map. */
    public static Binding<Void, Map<String, Object>> account() {
        return Binding.of(exchange -> null, (exchange, account) -> exchange.getMessage().setBody(account));
    }

    private static String networkId(Message in, DeepomaticConfiguration configuration, String what, boolean body) {
        return body ? ResourceIds.orBody(in, DeepomaticConstants.NETWORK_ID, configuration.getNetworkId(), what,
                "networkId") : ResourceIds.required(in, DeepomaticConstants.NETWORK_ID, configuration.getNetworkId(),
                what, "networkId");
    }

    private static boolean isPublic(Message in, DeepomaticConfiguration configuration, String networkId) {
        return ResourceIds.isPublic(in, DeepomaticConstants.PUBLIC_NETWORK, configuration.getPublicNetwork(), networkId);
    }

    private static void requirePrivate(Message in, DeepomaticConfiguration configuration, String networkId,
                                       String what) {
        if (isPublic(in, configuration, networkId)) {
            throw new IllegalArgumentException(what + " works on your own networks (integer ids); '" + networkId
                    + "' is a public one, which cannot be changed");
        }
    }

    private static void write(Message message, DeepomaticNetwork network) {
        message.setHeader(DeepomaticConstants.NETWORK_ID, network.id());
        message.setBody(network);
    }
}
