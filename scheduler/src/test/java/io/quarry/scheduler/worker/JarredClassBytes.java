package io.quarry.scheduler.worker;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The bytes of {@code io.quarry.scheduler.worker.JarredClass}: an empty public class that exists
 * only inside the job jars the tests build, so loading it proves the job's loader reads the jar.
 */
final class JarredClassBytes {
    static final String NAME = "io/quarry/scheduler/worker/JarredClass";

    private JarredClassBytes() {
    }

    static byte[] generate() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0xCAFEBABE);
            out.writeShort(0); // minor version
            out.writeShort(52); // major version: Java 8
            out.writeShort(5); // constant pool entries + 1
            out.writeByte(7); // #1 Class -> #2
            out.writeShort(2);
            out.writeByte(1); // #2 Utf8
            out.writeUTF(NAME);
            out.writeByte(7); // #3 Class -> #4
            out.writeShort(4);
            out.writeByte(1); // #4 Utf8
            out.writeUTF("java/lang/Object");
            out.writeShort(0x0021); // public super
            out.writeShort(1); // this class
            out.writeShort(3); // super class
            out.writeShort(0); // interfaces
            out.writeShort(0); // fields
            out.writeShort(0); // methods
            out.writeShort(0); // attributes
        }
        return bytes.toByteArray();
    }
}
