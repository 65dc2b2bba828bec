package io.quarry.dfs.namenode.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarry.common.conf.Configuration;

@Timeout(20)
class GroupResolverTest {
    @Test
    void staticMappingWinsAndUnknownUsersHaveNoGroups() {
        GroupResolver resolver = new GroupResolver(Configuration.of(Map.of("quarry.security.groups.ann", "a, b")));
        assertThat(resolver.groups("ann")).containsExactly("a", "b");
        assertThat(resolver.groups("zoe")).isEmpty();
    }

    @Test
    void withoutAMappingGroupsComeFromTheOperatingSystem() {
        GroupResolver resolver = new GroupResolver(Configuration.empty());
        String me = System.getProperty("user.name");
        assertThat(resolver.groups(me)).isNotEmpty();
        assertThat(resolver.groups("no-such-user-" + System.nanoTime())).isEmpty();
        assertThat(resolver.groups("bad name; rm -rf /")).isEmpty();
    }

    @Test
    void modeStringsLookLikeLs() {
        assertThat(PermissionChecker.modeString(true, (short) 0755)).isEqualTo("drwxr-xr-x");
        assertThat(PermissionChecker.modeString(false, (short) 0640)).isEqualTo("-rw-r-----");
        assertThat(PermissionChecker.modeString(true, (short) 01777)).isEqualTo("drwxrwxrwt");
    }
}
