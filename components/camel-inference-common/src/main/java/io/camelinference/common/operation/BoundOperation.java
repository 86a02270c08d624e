package io.camelinference.common.operation;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;

/**
 * An operation with its binding: what a producer runs for an exchange.
 *
 * @param <I> the request type
 * @param <O> the result type
 */
public record BoundOperation<I, O>(Binding<I, O> binding, Operation<I, O> operation) {

    public static <I, O> BoundOperation<I, O> of(Binding<I, O> binding, Operation<I, O> operation) {
        return new BoundOperation<>(binding, operation);
    }

    /** Reads the request (failing synchronously on bad input) and starts the operation. */
    public CompletableFuture<O> start(Exchange exchange) {
        return operation.execute(binding.read(exchange));
    }

    public void failed(Exchange exchange, Throwable error) {
        binding.failed(exchange, error);
    }

    public void write(Exchange exchange, Object result) {
        @SuppressWarnings("unchecked")
        O typed = (O) result;
        binding.write(exchange, typed);
    }
}
