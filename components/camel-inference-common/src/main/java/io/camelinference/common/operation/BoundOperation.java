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

    /** Reads the request; fails synchronously on bad input, before anything is sent. */
    public I read(Exchange exchange) {
        return binding.read(exchange);
    }

    /** Starts the operation on a request this binding read. */
    public CompletableFuture<O> execute(Object request) {
        return operation.execute(cast(request));
    }

    public void write(Exchange exchange, Object request, Object result) {
        @SuppressWarnings("unchecked")
        O typed = (O) result;
        binding.write(exchange, cast(request), typed);
    }

    public void failed(Exchange exchange, Object request, Throwable error) {
        binding.failed(exchange, cast(request), error);
    }

    @SuppressWarnings("unchecked")
    private I cast(Object request) {
        return (I) request;
    }
}
