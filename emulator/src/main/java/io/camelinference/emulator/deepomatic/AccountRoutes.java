package io.camelinference.emulator.deepomatic;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;

/**
 * {@code GET /accounts/me}: the account the API key belongs to, the call the documentation gives to check credentials
 * (the client's {@code Account.retrieve('me')}). The documentation does not list the account's fields; the emulator
 * answers a fixed account: id, username, email, first and last name, organisation, date joined. Any other account is
 * not yours to read (404, as the API hides what it does not show you).
 */
final class AccountRoutes {

    static final int ACCOUNT_ID = 1;
    private static final String PREFIX = DeepomaticProvider.PREFIX;

    private final EmulatorContext ctx;

    AccountRoutes(EmulatorContext ctx) {
        this.ctx = ctx;
    }

    void register() {
        ctx.route("GET", PREFIX + "/accounts/me", r -> Reply.json(me()));
        ctx.route("GET", PREFIX + "/accounts/{accountId}", r -> {
            if (String.valueOf(ACCOUNT_ID).equals(r.var("accountId"))) {
                return Reply.json(me());
            }
            throw new ApiError(404, "Not found.");
        });
    }

    static ObjectNode me() {
        ObjectNode n = Json.object();
        n.put("id", ACCOUNT_ID);
        n.put("username", "emulator");
        n.put("email", "emulator@deepomatic.invalid");
        n.put("first_name", "Camel");
        n.put("last_name", "Emulator");
        n.put("organization", "Camel Inference Emulator");
        n.put("date_joined", "2018-01-01T00:00:00Z");
        return n;
    }
}
