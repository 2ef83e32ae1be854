package org.bftswarm.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Key files. Format: one line of lower-case hex (64 characters) and a newline; for a private key
 * the hex is the 32-byte Ed25519 seed (RFC 8032 section 5.1.5), for a public key the 32-byte
 * encoded point. On reading, a file holding exactly 32 raw bytes is accepted too.
 *
 * <p>Rule (as OpenSSH does for identity files): private key files are created owner-only (0600,
 * set atomically at creation, never widened afterwards) and refused on load when any group or
 * other permission bit is set, with a message naming the file and the {@code chmod 600} fix.
 * Existing files are never overwritten.
 */
public final class KeyFiles {
    /** Owner read/write only. */
    public static final Set<PosixFilePermission> PRIVATE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");
    /** Owner read/write, everyone read. */
    public static final Set<PosixFilePermission> PUBLIC_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

    private static final int MAX_FILE_BYTES = 1024;
    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private KeyFiles() {}

    /** Creates {@code file} (must not exist) with mode 0600 holding the hex seed of {@code key}. */
    public static void writePrivate(Path file, SigningKey key) throws IOException {
        byte[] seed = key.seed();
        try {
            writeNew(file, hexLine(seed), PRIVATE_PERMISSIONS);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Creates {@code file} (must not exist) with mode 0644 holding the hex public key. */
    public static void writePublic(Path file, VerifyingKey key) throws IOException {
        writeNew(file, hexLine(key.bytes()), PUBLIC_PERMISSIONS);
    }

    /** Loads a private key; refuses files with any group/other permission bit. */
    public static SigningKey readPrivate(Path file) throws IOException {
        Set<PosixFilePermission> perms = permissions(file);
        if (!Collections.disjoint(perms, GROUP_OR_OTHER)) {
            throw new KeyFileException(
                    file,
                    "refusing to load private key " + file + ": its permissions are "
                            + PosixFilePermissions.toString(perms)
                            + " but a private key must be readable by its owner only; fix with: chmod 600 "
                            + file);
        }
        byte[] seed = readKeyBytes(file, "private key");
        try {
            return SigningKey.fromSeed(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Loads a public key. */
    public static VerifyingKey readPublic(Path file) throws IOException {
        byte[] raw = readKeyBytes(file, "public key");
        try {
            return VerifyingKey.of(raw);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(file, "public key file " + file + " does not hold a valid Ed25519 point", e);
        }
    }

    /** The POSIX permissions of {@code file}; a clear error when it is missing or the file system is not POSIX. */
    public static Set<PosixFilePermission> permissions(Path file) throws IOException {
        try {
            return Files.getPosixFilePermissions(file);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(file, "key file " + file + " does not exist", e);
        } catch (UnsupportedOperationException e) {
            throw new KeyFileException(file, "cannot check permissions of " + file + ": file system is not POSIX", e);
        }
    }

    private static void writeNew(Path file, byte[] content, Set<PosixFilePermission> perms) throws IOException {
        FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(perms);
        try (SeekableByteChannel ch = Files.newByteChannel(
                file,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC),
                attr)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        } catch (FileAlreadyExistsException e) {
            throw new KeyFileException(file, "key file " + file + " already exists; refusing to overwrite it", e);
        } catch (UnsupportedOperationException e) {
            throw new KeyFileException(
                    file, "cannot create " + file + " with owner-only permissions: file system is not POSIX", e);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static byte[] hexLine(byte[] raw) {
        return (HexFormat.of().formatHex(raw) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** 32 key bytes from a file of 32 raw bytes or 64 hex characters (surrounding whitespace ignored). */
    private static byte[] readKeyBytes(Path file, String what) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(file, what + " file " + file + " does not exist", e);
        }
        if (size > MAX_FILE_BYTES) {
            throw new KeyFileException(
                    file, what + " file " + file + " is " + size + " bytes; expected 64 hex characters");
        }
        byte[] content = Files.readAllBytes(file);
        try {
            if (content.length == 32) {
                return content.clone();
            }
            String text = new String(content, StandardCharsets.US_ASCII).strip();
            if (text.length() != 64 || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new KeyFileException(
                        file,
                        what + " file " + file
                                + " is malformed: expected 64 hex characters (a 32-byte key) or 32 raw bytes");
            }
            return HexFormat.of().parseHex(text);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }
}
