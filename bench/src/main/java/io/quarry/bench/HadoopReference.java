package io.quarry.bench;

/**
 * Hadoop 3.4.2 local-mode figures and no-framework limits on the reference machine (whole-process
 * wall seconds, medians), from the shared RESULTS-hadoop.md; null where nothing was measured.
 */
record HadoopReference(String step, Double hadoopSeconds, String hadoopNote, Double limitSeconds, String limitNote) {

    static HadoopReference wordCount(long inputBytes) {
        if (inputBytes == 1L << 30) {
            return new HadoopReference("wordcount", 175.2, "98.8 s with 2 map slots", 9.6, "plain Java, 2 threads");
        }
        if (inputBytes == 256L << 20) {
            return new HadoopReference("wordcount", 43.1, "32.1 s with 2 map slots", 5.2, "plain Java, 1 thread");
        }
        return new HadoopReference("wordcount", null, "", null, "");
    }

    /** The 2-map-slot Hadoop figure for WordCount, the fairer comparison on 2 cores. */
    static Double wordCountTwoSlots(long inputBytes) {
        if (inputBytes == 1L << 30) {
            return 98.8;
        }
        return inputBytes == 256L << 20 ? 32.1 : null;
    }

    static HadoopReference tera(String step, long rows) {
        if (rows != 10_000_000L) {
            return new HadoopReference(step, null, "", null, "");
        }
        return switch (step) {
            case "teragen" -> new HadoopReference(step, 10.9, "", null, "");
            case "terasort" -> new HadoopReference(step, 59.3, "1 reducer", 10.2, "GNU sort, 10^9 bytes");
            case "teravalidate" -> new HadoopReference(step, 8.1, "", null, "");
            default -> throw new IllegalArgumentException("no Hadoop reference for step " + step);
        };
    }
}
