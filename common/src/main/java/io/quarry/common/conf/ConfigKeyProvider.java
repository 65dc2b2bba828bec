package io.quarry.common.conf;

import java.util.List;

/**
 * Declares the keys one module reads. Implementations are listed in
 * {@code META-INF/services/io.quarry.common.conf.ConfigKeyProvider} so every known key can be
 * found when a configuration is checked for misspellings.
 */
public interface ConfigKeyProvider {
    List<ConfigKey> keys();

    /**
     * Prefixes under which every key is valid, for keys named after something the user chooses
     * (e.g. {@code quarry.security.groups.<user>}).
     */
    default List<String> keyFamilies() {
        return List.of();
    }
}
