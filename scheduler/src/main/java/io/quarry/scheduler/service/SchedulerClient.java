package io.quarry.scheduler.service;

import static java.util.Objects.requireNonNull;

import io.quarry.common.conf.CommonConfigKeys;
import io.quarry.common.conf.ConfigException;
import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.ha.HaSession;
import io.quarry.common.ha.HaSettings;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.rpc.Ack;
import io.quarry.common.rpc.RetryPolicy;
import io.quarry.common.rpc.RpcClient;
import io.quarry.scheduler.protocol.CanCommit;
import io.quarry.scheduler.protocol.CanCommitResponse;
import io.quarry.scheduler.protocol.GetJobStatus;
import io.quarry.scheduler.protocol.GetMapOutputs;
import io.quarry.scheduler.protocol.HeartbeatResponse;
import io.quarry.scheduler.protocol.JobList;
import io.quarry.scheduler.protocol.KillJob;
import io.quarry.scheduler.protocol.ListJobs;
import io.quarry.scheduler.protocol.MapOutputs;
import io.quarry.scheduler.protocol.RegisterWorker;
import io.quarry.scheduler.protocol.ReportFetchFailure;
import io.quarry.scheduler.protocol.SubmitJob;
import io.quarry.scheduler.protocol.SubmitJobResponse;
import io.quarry.scheduler.protocol.WireJobStatus;
import io.quarry.scheduler.protocol.WorkerHeartbeat;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed calls to a Scheduler; safe for use by many threads. Without HA it calls the configured
 * address. With HA ({@link #connect}) it calls the active ZooKeeper names and follows it across a
 * failover: a call answered by a standby, or not answered, is tried again at the then active, with
 * a backoff, for up to the failover timeout (0: once, for callers that retry themselves).
 */
public final class SchedulerClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerClient.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

    private final SchedulerLocator locator;
    private final RpcClient rpc;
    private final Duration failoverTimeout;
    private final Duration callTimeout;
    private volatile boolean closed;

    /** A client of the Scheduler at {@code address}, without HA. */
    public SchedulerClient(HostAndPort address, Configuration conf) {
        this(new FixedSchedulerLocator(address), conf, Duration.ZERO);
    }

    SchedulerClient(SchedulerLocator locator, Configuration conf, Duration failoverTimeout) {
        this.locator = requireNonNull(locator, "locator is null");
        this.failoverTimeout = requireNonNull(failoverTimeout, "failoverTimeout is null");
        this.callTimeout = conf.getDuration(CommonConfigKeys.RPC_TIMEOUT);
        this.rpc = new RpcClient("scheduler-client", conf);
    }

    /**
     * A client of the cluster's Scheduler: with {@code ha.zookeeper.quorum} set, whichever is active
     * (its own ZooKeeper session, closed with the client), else {@code quarry.scheduler.address}.
     *
     * @param followFailover whether calls retry across a failover for up to
     *                       {@code quarry.scheduler.client.failover-timeout}; false for callers that retry themselves
     */
    public static SchedulerClient connect(Configuration conf, boolean followFailover) throws QuarryException {
        HaSettings ha = HaSettings.from(conf);
        if (!ha.enabled()) {
            return new SchedulerClient(configuredAddress(conf), conf);
        }
        HaSession session;
        try {
            session = HaSession.connect(ha);
        } catch (java.io.IOException e) {
            throw new QuarryException(ErrorCode.UNAVAILABLE, "Cannot find the active Scheduler: " + e.getMessage(), e);
        }
        return new SchedulerClient(new ZooKeeperSchedulerLocator(session, true), conf,
                followFailover ? conf.getDuration(SchedulerServiceConfigKeys.CLIENT_FAILOVER_TIMEOUT) : Duration.ZERO);
    }

    /** {@code quarry.scheduler.address}, a wildcard host meaning this machine. */
    static HostAndPort configuredAddress(Configuration conf) {
        String value = conf.getString(SchedulerServiceConfigKeys.ADDRESS);
        HostAndPort address;
        try {
            address = HostAndPort.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SchedulerServiceConfigKeys.ADDRESS.name() + " = " + value + ": " + e.getMessage());
        }
        String host = address.host();
        if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return new HostAndPort("127.0.0.1", address.port());
        }
        return address;
    }

    /** The Scheduler's address: the configured one, or with HA the active's last known one (null before the first call). */
    public HostAndPort address() {
        if (!locator.followsFailover()) {
            try {
                return locator.current();
            } catch (QuarryException e) {
                return null;
            }
        }
        return null;
    }

    /** Whether this client follows the active Scheduler through ZooKeeper. */
    public boolean followsFailover() {
        return locator.followsFailover();
    }

    /** How errors and logs name the Scheduler called. */
    public String describe() {
        return locator.describe();
    }

    public void registerWorker(RegisterWorker request) throws QuarryException {
        call(request, Ack.class);
    }

    public HeartbeatResponse heartbeat(WorkerHeartbeat request) throws QuarryException {
        return call(request, HeartbeatResponse.class);
    }

    /** Submits a job and returns the id it runs under. */
    public String submitJob(SubmitJob request) throws QuarryException {
        return call(request, SubmitJobResponse.class).jobId();
    }

    public WireJobStatus jobStatus(String jobId) throws QuarryException {
        return call(new GetJobStatus(jobId), WireJobStatus.class);
    }

    public List<WireJobStatus> listJobs() throws QuarryException {
        return call(new ListJobs(), JobList.class).jobs();
    }

    public void killJob(String jobId, String reason) throws QuarryException {
        call(new KillJob(jobId, reason), Ack.class);
    }

    public boolean canCommit(String attemptId) throws QuarryException {
        return call(new CanCommit(attemptId), CanCommitResponse.class).allowed();
    }

    /** Where the finished maps of a job have their output, and whether the job still runs. */
    public MapOutputs mapOutputs(String jobId) throws QuarryException {
        return call(new GetMapOutputs(jobId), MapOutputs.class);
    }

    public void reportFetchFailure(String reduceAttemptId, String mapAttemptId, String error) throws QuarryException {
        call(new ReportFetchFailure(reduceAttemptId, mapAttemptId, error), Ack.class);
    }

    private <T> T call(Object request, Class<T> replyType) throws QuarryException {
        if (!locator.followsFailover()) {
            return rpc.call(locator.current(), request, replyType);
        }
        long deadline = System.nanoTime() + failoverTimeout.toNanos();
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            HostAndPort target = null;
            try {
                target = locator.current();
                // One attempt per address: a standby or an unreachable Scheduler sends us to look the active up again.
                return rpc.call(target, request, replyType, callTimeout, RetryPolicy.none());
            } catch (QuarryException e) {
                if (target != null && failsOver(e)) {
                    locator.failed(target);
                }
                if (!failsOver(e) || System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                LOG.debug("{} to {} failed ({}); trying the active Scheduler again in {} ms", request.getClass().getSimpleName(),
                        target == null ? "?" : target, e.getMessage(), backoff.toMillis());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Refused by a standby, never sent, or unanswered: the active may be elsewhere now. */
    private boolean failsOver(QuarryException e) {
        if (closed || Thread.currentThread().isInterrupted()) {
            return false;
        }
        return e.code() == ErrorCode.STANDBY || e.code() == ErrorCode.UNAVAILABLE || e.code() == ErrorCode.TIMEOUT;
    }

    private static void pause(Duration wait) throws QuarryException {
        try {
            TimeUnit.MILLISECONDS.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuarryException(ErrorCode.UNAVAILABLE, "Interrupted while waiting for the active Scheduler", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        rpc.close();
        locator.close();
    }
}
