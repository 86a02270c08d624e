package io.camelinference.emulator.unitypredict;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a predict produced; the answer is rendered from it and the job state on every read. */
record Outcome(String contextId, String requestId, ObjectNode outcomes, String computeTime, BigDecimal computeCost) {
}
