package org.scalelab.engine.parallel.mpj;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Renames a class that a compiled class refers to, by rewriting the one constant-pool string that names it
 * (class references are by index, so nothing else moves). Descriptors such as {@code Ljava/net/Foo;} are other
 * strings and stay: the replacement must therefore be a subclass, usable wherever the original was created.
 */
final class ClassNames {
    private static final int UTF8 = 1;

    private ClassNames() {
    }

    /**
     * @param from internal name, e.g. {@code java/net/InetSocketAddress}
     * @throws IllegalArgumentException when the class does not refer to {@code from}
     */
    static byte[] rename(byte[] classFile, String from, String to) {
        try {
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(classFile));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(classFile.length + to.length());
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(in.readInt());     // magic
            out.writeInt(in.readInt());     // minor and major version
            int count = in.readUnsignedShort();
            out.writeShort(count);
            boolean renamed = false;
            for (int index = 1; index < count; index++) {
                int tag = in.readUnsignedByte();
                out.writeByte(tag);
                if (tag == UTF8) {
                    String text = in.readUTF();
                    renamed |= text.equals(from);
                    out.writeUTF(text.equals(from) ? to : text);
                } else {
                    out.write(in.readNBytes(operandBytes(tag)));
                    if (tag == 5 || tag == 6) {
                        index++;    // long and double take two slots
                    }
                }
            }
            if (!renamed) {
                throw new IllegalArgumentException("the class does not refer to " + from);
            }
            in.transferTo(out);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("not a class file", e);
        }
    }

    /** Bytes after the tag of a constant-pool entry other than Utf8 (JVMS 4.4). */
    private static int operandBytes(int tag) {
        return switch (tag) {
            case 7, 8, 16, 19, 20 -> 2;          // Class, String, MethodType, Module, Package
            case 15 -> 3;                        // MethodHandle
            case 3, 4, 9, 10, 11, 12, 17, 18 -> 4; // Integer, Float, refs, NameAndType, Dynamic, InvokeDynamic
            case 5, 6 -> 8;                      // Long, Double
            default -> throw new IllegalArgumentException("unknown constant-pool tag " + tag);
        };
    }
}
