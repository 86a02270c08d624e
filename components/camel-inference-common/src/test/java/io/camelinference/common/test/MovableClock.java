package io.camelinference.common.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A UTC clock a test sets and moves, e.g. into the next period of a spend budget. */
public final class MovableClock extends Clock {

    private final AtomicLong millis;

    public MovableClock(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    public static MovableClock at(String instant) {
        return new MovableClock(Instant.parse(instant));
    }

    @Override
    public ZoneOffset getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    public void advance(Duration d) {
        millis.addAndGet(d.toMillis());
    }

    public void set(Instant instant) {
        millis.set(instant.toEpochMilli());
    }
}
