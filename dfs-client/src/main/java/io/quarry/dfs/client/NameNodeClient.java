package io.quarry.dfs.client;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.rpc.RetryPolicy;
import io.quarry.common.rpc.RpcClient;
import io.quarry.common.time.Clock;
import io.quarry.dfs.client.ha.NameNodeLocator;

/**
 * Calls the NameNode. FILE_NOT_FOUND refusals become {@link FileNotFoundException} (naming the
 * path, as Hadoop users expect); every other refusal stays a {@link QuarryException} with its code.
 *
 * <p>With HA, a call goes to the active NameNode found through the locator, and is tried again,
 * with backoff and up to the failover timeout, whenever the NameNode it reached is a standby,
 * cannot be reached, or does not answer. Every attempt of one call carries the same call id, so
 * the NameNode's retry cache answers a namespace change that already happened with its first
 * answer instead of running it twice.
 */
final class NameNodeClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NameNodeClient.class);

    private final RpcClient rpc;
    private final NameNodeLocator locator;
    private final Clock clock;
    private final Duration failoverTimeout;
    private final Duration callTimeout;
    private final Duration maxPause;

    NameNodeClient(RpcClient rpc, HostAndPort address) {
        this(rpc, NameNodeLocator.fixed(address), Clock.system(), Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1));
    }

    NameNodeClient(RpcClient rpc, NameNodeLocator locator, Clock clock, Duration failoverTimeout, Duration callTimeout,
                   Duration maxPause) {
        this.maxPause = requireNonNull(maxPause, "maxPause is null");
        this.rpc = requireNonNull(rpc, "rpc is null");
        this.locator = requireNonNull(locator, "locator is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.failoverTimeout = requireNonNull(failoverTimeout, "failoverTimeout is null");
        this.callTimeout = requireNonNull(callTimeout, "callTimeout is null");
    }

    /** The NameNode calls go to (for messages); with HA, the last known active. */
    String address() {
        try {
            return locator.current().map(HostAndPort::toString).orElse(locator.toString());
        } catch (IOException e) {
            return locator.toString();
        }
    }

    String clientName() {
        return rpc.clientId();
    }

    String user() {
        return rpc.user();
    }

    <T> T call(Object request, Class<T> replyType) throws IOException {
        try {
            if (!locator.followsFailover()) {
                return rpc.call(locator.current().orElseThrow(), request, replyType);
            }
            return callActive(request, replyType);
        } catch (QuarryException e) {
            if (e.code() == ErrorCode.FILE_NOT_FOUND) {
                FileNotFoundException notFound = new FileNotFoundException(e.getMessage());
                notFound.initCause(e);
                throw notFound;
            }
            throw e;
        }
    }

    private <T> T callActive(Object request, Class<T> replyType) throws IOException {
        long callId = rpc.newCallId();
        Backoff backoff = new Backoff(clock, failoverTimeout.toMillis(), maxPause.toMillis());
        String what = request.getClass().getSimpleName();
        IOException last = null;
        for (int attempt = 1; ; attempt++) {
            Optional<HostAndPort> active;
            try {
                active = locator.current();
            } catch (IOException e) {
                active = Optional.empty();
                last = e;
            }
            if (active.isPresent()) {
                try {
                    return rpc.call(active.get(), callId, request, replyType, callTimeout, RetryPolicy.none());
                } catch (QuarryException e) {
                    if (!failsOver(e)) {
                        throw e;
                    }
                    locator.failed(active.get());
                    last = e;
                    LOG.debug("{} to NameNode {} failed (attempt {}): {}; looking for the active", what, active.get(), attempt,
                            e.getMessage());
                }
            } else if (last == null) {
                last = new QuarryException(ErrorCode.UNAVAILABLE, "No active NameNode is published in " + locator);
            }
            if (!backoff.pause()) {
                throw new QuarryException(ErrorCode.UNAVAILABLE, what + " found no active NameNode through " + locator + " within "
                        + failoverTimeout.toMillis() + " ms (" + attempt + " attempts; last: " + last.getMessage() + ")", last);
            }
        }
    }

    /** Errors after which another NameNode (or the same one, once elected) may answer. */
    private static boolean failsOver(QuarryException e) {
        return e.code() == ErrorCode.STANDBY || e.code() == ErrorCode.UNAVAILABLE || e.code() == ErrorCode.TIMEOUT
                || e.code() == ErrorCode.SAFE_MODE;
    }

    @Override
    public void close() {
        locator.close();
    }
}
