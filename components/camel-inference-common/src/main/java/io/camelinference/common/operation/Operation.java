package io.camelinference.common.operation;

import java.util.concurrent.CompletableFuture;

/**
 * One operation of a service: a typed request in, a typed result out, without blocking. It never sees the Camel
 * Exchange; its {@link Binding} maps the exchange to the request and the result back.
 *
 * @param <I> the request type
 * @param <O> the result type
 */
@FunctionalInterface
public interface Operation<I, O> {

    CompletableFuture<O> execute(I request);
}
