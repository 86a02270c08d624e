package io.camelinference.emulator.spi;

/** Handles one route. Runs on the emulator's bounded worker pool; must not block waiting for jobs. */
@FunctionalInterface
public interface RouteHandler {
    Reply handle(Request request) throws Exception;
}
