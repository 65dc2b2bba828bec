package io.quarry.common.rpc;

/** The body of a successful reply that carries nothing. */
public record Ack() {
    public static final Ack INSTANCE = new Ack();
}
