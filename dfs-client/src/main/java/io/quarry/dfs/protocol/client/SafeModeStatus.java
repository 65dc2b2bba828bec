package io.quarry.dfs.protocol.client;

/** Whether the NameNode is in safe mode, and a sentence on why and until when. */
public record SafeModeStatus(boolean on, String message) {
}
