package io.quarry.dfs.namenode.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Names of journal segments ({@code edits_<first txid>}) and checkpoints ({@code checkpoint_<last txid>}). */
public final class SegmentFiles {
    public static final String SEGMENT_PREFIX = "edits_";
    public static final String CHECKPOINT_PREFIX = "checkpoint_";

    private SegmentFiles() {
    }

    public static String segmentName(long firstTxid) {
        return SEGMENT_PREFIX + String.format("%019d", firstTxid);
    }

    public static String checkpointName(long txid) {
        return CHECKPOINT_PREFIX + String.format("%019d", txid);
    }

    /** Files with the prefix and a numeric suffix, sorted by that number. */
    public static List<Numbered> list(Path dir, String prefix) throws IOException {
        List<Numbered> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith(prefix) && name.length() > prefix.length()) {
                    String digits = name.substring(prefix.length());
                    if (digits.chars().allMatch(Character::isDigit)) {
                        out.add(new Numbered(Long.parseLong(digits), file));
                    }
                }
            }
        }
        out.sort((a, b) -> Long.compare(a.number(), b.number()));
        return out;
    }

    public record Numbered(long number, Path file) {
    }
}
