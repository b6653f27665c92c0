package org.cems.core.registry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The serialized form of a {@link Registry} (a serialization proxy): its content compressed, and
 * the digest of that content. Every step of the job holds the registry, so every step's serialized
 * function carries it; deserialized plainly, each of them and each parallel instance would build
 * its own copy (a 100,000-source registry is about 130 MB on the heap, 30 MB serialized), which put
 * gigabytes of copies on a TaskManager. Resolved here instead, every function of one job in one JVM
 * gets the same instance, decoded once; the content is read-only once a job uses it.
 */
final class SharedRegistry implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Set while the content itself is written, so that {@link Registry} is then written plainly. */
    private static final ThreadLocal<Boolean> WRITING_CONTENT = ThreadLocal.withInitial(() -> false);

    /**
     * The registries decoded in this JVM by digest; weak, so a registry no running function holds
     * any more (a finished job, a test's registry) can go.
     */
    private static final Map<String, WeakReference<Registry>> DECODED = new ConcurrentHashMap<>();

    private final String digest;
    private final byte[] gzippedContent;

    private SharedRegistry(String digest, byte[] gzippedContent) {
        this.digest = digest;
        this.gzippedContent = gzippedContent;
    }

    /** True while the content itself is being written: {@link Registry} is then written plainly. */
    static boolean writingContent() {
        return WRITING_CONTENT.get();
    }

    static SharedRegistry of(Registry registry) {
        byte[] content = content(registry);
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream(content.length / 8);
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SharedRegistry(sha256(content), gzipped.toByteArray());
    }

    private static byte[] content(Registry registry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        WRITING_CONTENT.set(true);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(registry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            WRITING_CONTENT.set(false);
        }
        return bytes.toByteArray();
    }

    @Serial
    private Object readResolve() throws IOException {
        // one decode per digest at a time: parallel instances opening together wait for the first
        synchronized (DECODED) {
            WeakReference<Registry> known = DECODED.get(digest);
            Registry registry = known == null ? null : known.get();
            if (registry == null) {
                registry = decode();
                registry.byMn(""); // index once, before the functions sharing it look up MNs
                DECODED.put(digest, new WeakReference<>(registry));
                DECODED.values().removeIf(ref -> ref.get() == null);
            }
            return registry;
        }
    }

    private Registry decode() throws IOException {
        try (ObjectInputStream in = new ContentInput(new GZIPInputStream(new ByteArrayInputStream(gzippedContent)))) {
            return (Registry) in.readObject();
        } catch (ClassNotFoundException | ClassCastException e) {
            InvalidObjectException invalid = new InvalidObjectException("registry content does not decode: " + e);
            invalid.initCause(e);
            throw invalid;
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * Resolves the content's classes by the loader of this class: on a Flink cluster that is the
     * job's user-code loader, which the default resolution (the nearest loader on the stack) may miss.
     */
    private static final class ContentInput extends ObjectInputStream {
        ContentInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, SharedRegistry.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
