package io.quarry.scheduler.core;

/** How close a map attempt runs to its split's data, best first. */
public enum Locality {
    NODE_LOCAL,
    RACK_LOCAL,
    OFF_RACK
}
