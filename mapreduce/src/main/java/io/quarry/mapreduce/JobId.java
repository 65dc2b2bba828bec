package io.quarry.mapreduce;

import java.util.Locale;
import java.util.Objects;

/**
 * A job's id in Hadoop's form, {@code job_<origin>_<sequence>}: the origin is the scheduler's
 * start time (or {@code local<random>} in-process), the sequence counts jobs from 1.
 */
public record JobId(String origin, int sequence) implements Comparable<JobId> {
    public JobId {
        Objects.requireNonNull(origin, "origin");
        if (origin.isEmpty() || origin.contains("_")) {
            throw new IllegalArgumentException("job id origin must be non-empty without '_': " + origin);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("negative job sequence " + sequence);
        }
    }

    public static JobId parse(String text) {
        String[] parts = text.split("_", -1);
        if (parts.length != 3 || !parts[0].equals("job")) {
            throw new IllegalArgumentException("not a job id (expected job_<origin>_<number>): " + text);
        }
        try {
            return new JobId(parts[1], parseNumber(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a job id (expected job_<origin>_<number>): " + text + " (" + e.getMessage() + ")", e);
        }
    }

    /** A decimal number of ASCII digits only (no sign), as ids print them. */
    static int parseNumber(String digits) {
        if (digits.isEmpty()) {
            throw new NumberFormatException("empty number");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a decimal number: " + digits);
            }
        }
        return Integer.parseInt(digits);
    }

    /** The shared middle part of job, task and attempt ids. */
    String idBody() {
        return origin + "_" + String.format(Locale.ROOT, "%04d", sequence);
    }

    @Override
    public int compareTo(JobId other) {
        int byOrigin = origin.compareTo(other.origin);
        return byOrigin != 0 ? byOrigin : Integer.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return "job_" + idBody();
    }
}
