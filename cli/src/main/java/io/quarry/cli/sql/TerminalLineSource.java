package io.quarry.cli.sql;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Lines typed at a terminal, with JLine's line editing and a history file that outlives the session. */
final class TerminalLineSource implements LineSource {
    private final Terminal terminal;
    private final LineReader reader;

    private TerminalLineSource(Terminal terminal, LineReader reader) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.reader = requireNonNull(reader, "reader is null");
    }

    /** A reader on the process's terminal keeping its history in {@code historyFile}. */
    static TerminalLineSource open(Path historyFile) throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(true).build();
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]);
        LineReader reader = LineReaderBuilder.builder()
                .appName("quarry sql")
                .terminal(terminal)
                .parser(parser)
                .variable(LineReader.HISTORY_FILE, historyFile)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        return new TerminalLineSource(terminal, reader);
    }

    @Override
    public String readLine(String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            throw new Interrupted();
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public boolean terminal() {
        return true;
    }

    @Override
    public void close() throws IOException {
        try {
            reader.getHistory().save();
        } finally {
            terminal.close();
        }
    }
}
