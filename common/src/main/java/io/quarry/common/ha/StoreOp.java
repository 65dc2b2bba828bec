package io.quarry.common.ha;

import static java.util.Objects.requireNonNull;

/** One write of a {@link FencedStore} transaction; paths are relative to the store's root. */
public sealed interface StoreOp {
    String path();

    /** Creates a node that must not exist yet (its parent must). */
    record Create(String path, byte[] data) implements StoreOp {
        public Create {
            requireNonNull(path, "path is null");
            data = data == null ? new byte[0] : data.clone();
        }
    }

    /** Replaces the data of a node that must exist. */
    record Set(String path, byte[] data) implements StoreOp {
        public Set {
            requireNonNull(path, "path is null");
            data = data == null ? new byte[0] : data.clone();
        }
    }

    /** Deletes a node that must exist and have no children. */
    record Delete(String path) implements StoreOp {
        public Delete {
            requireNonNull(path, "path is null");
        }
    }
}
