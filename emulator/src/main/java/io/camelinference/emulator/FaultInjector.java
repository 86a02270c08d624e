package io.camelinference.emulator;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import io.camelinference.emulator.spi.EmulatorProvider;
import io.camelinference.emulator.spi.JobFault;
import io.camelinference.emulator.spi.Reply;

/**
 * Applies the {@link FaultPlan} to one provider call: latency, a replaced answer (status in the provider's envelope, or
 * the provider's malformed body), a dropped connection, a {@code Retry-After} header; and hands job faults to the
 * handlers that create jobs.
 */
final class FaultInjector {

    private final FaultPlan plan;

    FaultInjector(FaultPlan plan) {
        this.plan = plan;
    }

    /**
     * Runs the call under the first matching request rule.
     *
     * @param call the route (auth hook and handler); not run when the rule replaces the answer, unless
     *             {@code afterProcessing}
     * @return the reply to send, or empty to drop the connection without an answer
     */
    Optional<Reply> apply(EmulatorProvider provider, String method, String path, Callable<Reply> call) throws Exception {
        FaultRule fault = plan.matchRequest(provider.name(), method, path);
        if (fault == null) {
            return Optional.of(call.call());
        }
        if (fault.latencyMs() != null && fault.latencyMs() > 0) {
            Thread.sleep(fault.latencyMs());
        }
        boolean replaces = fault.status() != null || fault.drop() || fault.malformed();
        Reply reply = null;
        if (!replaces || fault.afterProcessing()) {
            reply = call.call();
        }
        if (fault.drop()) {
            return Optional.empty();
        }
        if (fault.malformed()) {
            reply = Reply.bytes(200, "application/json", provider.malformedBody());
        } else if (fault.status() != null) {
            reply = provider.errorReply(fault.status(), "Injected fault: HTTP " + fault.status());
        }
        if (fault.retryAfter() != null) {
            reply.header("Retry-After", String.valueOf(fault.retryAfter()));
        }
        return Optional.of(reply);
    }

    /** The job-fault lookup for a request; it consumes a job rule only when the handler really creates a job. */
    Supplier<JobFault> jobFaults(String provider, String method, String path) {
        return () -> plan.matchJob(provider, method, path);
    }
}
