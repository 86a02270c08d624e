package io.camelinference.reliability;

import java.util.List;

import io.camelinference.emulator.FaultRule;
import io.camelinference.emulator.spi.JobFault;

/**
 * About 20 % of a service's calls faulted, as a chaos test would: rate limits with Retry-After, server errors, dropped
 * connections before and after the service processed the call, malformed bodies, latency, and jobs the service fails.
 * The emulator's random source is seeded, so a run is repeatable.
 */
final class FaultMix {

    private FaultMix() {
    }

    static List<FaultRule> forProvider(String provider) {
        return List.of(
                FaultRule.builder().provider(provider).status(429).retryAfter(1).rate(0.05).build(),
                FaultRule.builder().provider(provider).status(503).rate(0.04).build(),
                FaultRule.builder().provider(provider).drop(true).rate(0.03).build(),
                FaultRule.builder().provider(provider).drop(true).afterProcessing(true).rate(0.03).build(),
                FaultRule.builder().provider(provider).malformed(true).rate(0.02).build(),
                FaultRule.builder().provider(provider).latencyMs(150).rate(0.03).build(),
                FaultRule.builder().provider(provider).job(JobFault.ERROR).rate(0.02).build());
    }
}
