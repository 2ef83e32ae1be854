package org.bftswarm.wasm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepared modules by the SHA-256 of their bytes, least recently used evicted beyond {@code capacity}, so a node
 * running many shards of one job parses and compiles its module once. Thread-safe.
 */
final class ModuleCache {
    static final int DEFAULT_CAPACITY = 16;

    private final Map<String, PreparedModule> entries;
    private long preparations;

    ModuleCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedModule> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The prepared module for {@code bytes}; throws Chicory's parse or validation error for bad bytes. */
    PreparedModule get(byte[] bytes) {
        String digest = sha256(bytes);
        synchronized (this) {
            PreparedModule cached = entries.get(digest);
            if (cached != null) {
                return cached;
            }
        }
        PreparedModule prepared = new PreparedModule(WasmModuleCheck.parse(bytes));
        synchronized (this) {
            preparations++;
            PreparedModule raced = entries.putIfAbsent(digest, prepared);
            return raced != null ? raced : prepared;
        }
    }

    /** How many times bytes were parsed because they were not cached. */
    synchronized long preparations() {
        return preparations;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
