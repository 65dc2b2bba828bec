package io.quarry.common.rpc;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A service for tests: answers each request with what the script says, and records every call it
 * saw (context and request) and the thread that ran it.
 */
final class ScriptedService implements RpcService {
    record Seen(CallContext context, Object request, String thread) {
    }

    private volatile BiFunction<CallContext, Object, CompletionStage<?>> script;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    ScriptedService(BiFunction<CallContext, Object, CompletionStage<?>> script) {
        this.script = script;
    }

    static ScriptedService answering(java.util.function.Function<Object, Object> answer) {
        return new ScriptedService((context, request) -> CompletableFuture.completedFuture(answer.apply(request)));
    }

    void setScript(BiFunction<CallContext, Object, CompletionStage<?>> script) {
        this.script = script;
    }

    List<Seen> seen() {
        return seen;
    }

    int calls() {
        return seen.size();
    }

    @Override
    public CompletionStage<?> handle(CallContext context, Object request) {
        seen.add(new Seen(context, request, Thread.currentThread().getName()));
        return script.apply(context, request);
    }
}
