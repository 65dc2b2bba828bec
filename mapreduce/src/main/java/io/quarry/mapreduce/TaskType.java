package io.quarry.mapreduce;

/** The kinds of task a job runs; the letter appears in task ids ({@code task_..._m_000003}). */
public enum TaskType {
    MAP('m'),
    REDUCE('r');

    private final char letter;

    TaskType(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    public static TaskType ofLetter(char letter) {
        for (TaskType type : values()) {
            if (type.letter == letter) {
                return type;
            }
        }
        throw new IllegalArgumentException("no task type '" + letter + "' (expected m or r)");
    }
}
