package io.quarry.minicluster.container;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fixed address for every host of the cluster in a /24 of its own. Each container lists every
 * host in its {@code /etc/hosts}, so host names resolve without Docker's DNS (which stalls on a busy
 * machine) and a restarted or reconnected node comes back at the address the others know.
 */
final class ClusterAddresses {
    private final String prefix;
    private final Map<String, String> addresses = new LinkedHashMap<>();

    /** Hosts in the order given get .10, .11, ... of {@code 10.<second>.<third>.0/24}. */
    ClusterAddresses(int second, int third, Iterable<String> hosts) {
        if (second < 0 || second > 255 || third < 0 || third > 255) {
            throw new IllegalArgumentException("not an octet pair: " + second + "." + third);
        }
        this.prefix = "10." + second + "." + third + ".";
        int next = 10;
        for (String host : hosts) {
            if (next > 250) {
                throw new IllegalArgumentException("more hosts than fit in " + subnet());
            }
            addresses.put(requireNonNull(host, "host is null"), prefix + next++);
        }
    }

    String subnet() {
        return prefix + "0/24";
    }

    String gateway() {
        return prefix + "1";
    }

    String address(String host) {
        String address = addresses.get(host);
        if (address == null) {
            throw new IllegalArgumentException("No address planned for host " + host + "; hosts are " + addresses.keySet());
        }
        return address;
    }

    /** Every host and its address. */
    Map<String, String> all() {
        return Map.copyOf(addresses);
    }
}
