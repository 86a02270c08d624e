package io.camelinference.common.operation;

import java.util.function.BiConsumer;
import java.util.function.Function;

import org.apache.camel.Exchange;

/**
 * Maps an exchange to an operation's typed request (body types, header overrides, validation with clear errors),
 * and the operation's result back to body and headers: each once per exchange, as Camel's VertxHttpBinding does.
 * {@link #read} runs before anything is sent, so bad input fails there with nothing billed.
 *
 * @param <I> the request type
 * @param <O> the result type
 */
public interface Binding<I, O> {

    /** The request for this exchange; throws {@link IllegalArgumentException} naming what is wrong and what was expected. */
    I read(Exchange exchange);

    /** Puts the result on the message (body and headers). Runs on a completion thread. */
    void write(Exchange exchange, O result);

    /**
     * Puts what is known of a failed operation on the message, e.g. the id of the job that failed or timed out, so a
     * route's error handler can check on it later. The exception itself is set on the exchange by the producer.
     */
    default void failed(Exchange exchange, Throwable error) {
    }

    static <I, O> Binding<I, O> of(Function<Exchange, I> read, BiConsumer<Exchange, O> write) {
        return new Binding<>() {
            @Override
            public I read(Exchange exchange) {
                return read.apply(exchange);
            }

            @Override
            public void write(Exchange exchange, O result) {
                write.accept(exchange, result);
            }
        };
    }
}
