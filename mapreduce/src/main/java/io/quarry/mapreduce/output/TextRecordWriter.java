package io.quarry.mapreduce.output;

import static java.util.Objects.requireNonNull;

import io.quarry.mapreduce.io.BytesValue;
import io.quarry.mapreduce.io.IntValue;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.NullValue;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@code key SEPARATOR value\n} lines through a large buffer. A null or {@link NullValue}
 * key or value is left out with its separator; when both are, nothing is written (as Hadoop).
 * {@link Text} and {@link BytesValue} are written as their bytes, numbers as decimal digits
 * without allocating, anything else as its {@code toString()} in UTF-8.
 */
final class TextRecordWriter<K, V> implements RecordWriter<K, V> {
    static final int BUFFER_SIZE = 128 * 1024;

    private final OutputStream out;
    private final byte[] separator;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private final byte[] digits = new byte[20];
    private int count;

    TextRecordWriter(OutputStream out, byte[] separator) {
        this.out = requireNonNull(out, "out is null");
        this.separator = requireNonNull(separator, "separator is null").clone();
    }

    @Override
    public void write(K key, V value) throws IOException {
        boolean noKey = key == null || key instanceof NullValue;
        boolean noValue = value == null || value instanceof NullValue;
        if (noKey && noValue) {
            return;
        }
        if (!noKey) {
            writeObject(key);
        }
        if (!noKey && !noValue) {
            writeBytes(separator, 0, separator.length);
        }
        if (!noValue) {
            writeObject(value);
        }
        if (count == buffer.length) {
            drain();
        }
        buffer[count++] = '\n';
    }

    private void writeObject(Object object) throws IOException {
        if (object instanceof Text text) {
            writeBytes(text.bytes(), 0, text.length());
        } else if (object instanceof LongValue number) {
            writeLong(number.get());
        } else if (object instanceof IntValue number) {
            writeLong(number.get());
        } else if (object instanceof Long number) {
            writeLong(number);
        } else if (object instanceof Integer number) {
            writeLong(number);
        } else if (object instanceof BytesValue bytes) {
            writeBytes(bytes.bytes(), 0, bytes.length());
        } else if (object instanceof byte[] bytes) {
            writeBytes(bytes, 0, bytes.length);
        } else {
            writeString(object.toString());
        }
    }

    private void writeLong(long value) throws IOException {
        if (value == Long.MIN_VALUE) {
            writeString(Long.toString(value));
            return;
        }
        long rest = Math.abs(value);
        int at = digits.length;
        do {
            digits[--at] = (byte) ('0' + rest % 10);
            rest /= 10;
        } while (rest != 0);
        if (value < 0) {
            digits[--at] = '-';
        }
        writeBytes(digits, at, digits.length - at);
    }

    private void writeString(String text) throws IOException {
        int length = text.length();
        if (buffer.length - count < length) {
            drain();
        }
        if (length <= buffer.length - count) {
            int start = count;
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    count = start;
                    break;
                }
                buffer[count++] = (byte) c;
            }
            if (count - start == length) {
                return;
            }
        }
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        writeBytes(encoded, 0, encoded.length);
    }

    private void writeBytes(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.length - count) {
            drain();
            if (length > buffer.length) {
                out.write(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buffer, 0, count);
            count = 0;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            out.close();
        }
    }
}
