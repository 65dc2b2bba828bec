package io.quarry.scheduler.client;

import io.quarry.common.conf.ConfigException;
import io.quarry.common.conf.Configuration;
import io.quarry.common.net.HostAndPort;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;

/** The address a client calls the Scheduler at: {@code quarry.scheduler.address}, a wildcard bind host meaning this host. */
public final class SchedulerAddress {
    private SchedulerAddress() {
    }

    /** The configured address, with a wildcard host ({@code 0.0.0.0}, {@code ::}) replaced by loopback; a bad value names the key. */
    public static HostAndPort forClient(Configuration conf) {
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

    /** How errors name it: {@code 127.0.0.1:8030 (quarry.scheduler.address)}. */
    public static String describe(HostAndPort address) {
        return address + " (" + SchedulerServiceConfigKeys.ADDRESS.name() + ")";
    }
}
