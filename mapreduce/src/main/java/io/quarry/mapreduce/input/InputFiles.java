package io.quarry.mapreduce.input;

import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expands one input path (a file, a directory or a glob) into the files a job reads, as Hadoop
 * does: directories give their files in name order (and, when recursive, their subdirectories'
 * files), glob matches and directory entries whose names start with {@code _} or {@code .}
 * ({@code _SUCCESS}, {@code _temporary}, {@code .crc}) are skipped. A path named literally is
 * read even when its name looks hidden. A missing path or a glob matching nothing is an error.
 */
final class InputFiles {
    private static final Logger LOG = LoggerFactory.getLogger(InputFiles.class);

    private InputFiles() {
    }

    static boolean isHidden(Path path) {
        String name = path.name();
        return name.startsWith("_") || name.startsWith(".");
    }

    static List<FileStatus> expand(FileSystem fs, Path input, boolean recursive) throws IOException {
        Path qualified = fs.qualify(input);
        boolean glob = hasGlob(input.path());
        List<FileStatus> matches = fs.globStatus(qualified);
        if (glob) {
            matches = matches.stream().filter(status -> !isHidden(status.path())).toList();
            if (matches.isEmpty()) {
                throw new FileNotFoundException("Input pattern " + qualified + " matches 0 files");
            }
        } else if (matches.isEmpty()) {
            throw new FileNotFoundException("Input path does not exist: " + qualified);
        }
        List<FileStatus> files = new ArrayList<>();
        for (FileStatus match : matches) {
            if (match.isDirectory()) {
                addDirectory(fs, match.path(), recursive, files);
            } else {
                files.add(match);
            }
        }
        return files;
    }

    private static void addDirectory(FileSystem fs, Path directory, boolean recursive, List<FileStatus> out) throws IOException {
        for (FileStatus child : fs.listStatus(directory)) {
            if (isHidden(child.path())) {
                continue;
            }
            if (child.isFile()) {
                out.add(child);
            } else if (recursive) {
                addDirectory(fs, child.path(), true, out);
            } else {
                LOG.debug("Skipping subdirectory {} of input directory {} (input is not recursive)", child.path(), directory);
            }
        }
    }

    private static boolean hasGlob(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }
}
