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

    /**
     * Puts the result on the message (body and headers). Runs on a completion thread. A binding implements this, or
     * {@link #write(Exchange, Object, Object)} when it needs the request too.
     */
    default void write(Exchange exchange, O result) {
        throw new UnsupportedOperationException(getClass().getName() + " implements neither write method");
    }

    /** As {@link #write(Exchange, Object)}, with the request the operation ran. */
    default void write(Exchange exchange, I request, O result) {
        write(exchange, result);
    }

    /**
     * Puts what is known of a failed operation on the message, e.g. the id of the job that failed or timed out, so a
     * route's error handler can check on it later. The exception itself is set on the exchange by the producer.
     */
    default void failed(Exchange exchange, Throwable error) {
    }

    /**
     * As {@link #failed(Exchange, Throwable)}, with the request the operation ran (and anything the operation recorded
     * on it, such as the ids of what it created before failing).
     */
    default void failed(Exchange exchange, I request, Throwable error) {
        failed(exchange, error);
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
