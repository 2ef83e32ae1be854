package org.bftswarm.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskLogStoreTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writtenLogIsReadBackPerAttemptAndLatest() throws Exception {
        TaskLogStore store = new TaskLogStore(dir, 1024, 10);
        try (TaskLogWriter w = store.open(new AttemptKey("job-1.t0", 1))) {
            w.write(bytes("first attempt\n"));
        }
        try (TaskLogWriter w = store.open(new AttemptKey("job-1.t0", 2))) {
            w.write(bytes("second attempt\n"));
        }
        assertThat(store.read(new AttemptKey("job-1.t0", 1))).hasValue(bytes("first attempt\n"));
        assertThat(store.readLatest("job-1.t0")).hasValue(bytes("second attempt\n"));
        assertThat(store.latestAttempt("job-1.t0")).contains(2);
        assertThat(store.readLatest("job-1.t1")).isEmpty();
    }

    @Test
    void logBeyondCapIsCutWithOneMarker() throws Exception {
        TaskLogStore store = new TaskLogStore(dir, 10, 10);
        AttemptKey key = new AttemptKey("t", 0);
        try (TaskLogWriter w = store.open(key)) {
            w.write(bytes("0123456"));
            w.write(bytes("789abcdef"));
            w.write(bytes("ghij"));
            assertThat(w.written()).isEqualTo(10);
        }
        String text = new String(store.read(key).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("0123456789\n[bftswarm: log truncated at 10 bytes; 10 more bytes dropped]");
    }

    @Test
    void reopeningAnAttemptStartsItsLogAfresh() throws Exception {
        TaskLogStore store = new TaskLogStore(dir, 100, 10);
        AttemptKey key = new AttemptKey("t", 0);
        try (TaskLogWriter w = store.open(key)) {
            w.write(bytes("old"));
        }
        try (TaskLogWriter w = store.open(key)) {
            w.write(bytes("new"));
        }
        assertThat(store.read(key)).hasValue(bytes("new"));
    }

    @Test
    void oldestLogsArePrunedBeyondTheFileCount() throws Exception {
        TaskLogStore store = new TaskLogStore(dir, 100, 3);
        for (int i = 0; i < 5; i++) {
            AttemptKey key = new AttemptKey("task" + i, 0);
            try (TaskLogWriter w = store.open(key)) {
                w.write(bytes("log " + i));
            }
            Files.setLastModifiedTime(store.pathFor(key), FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(3);
        }
        assertThat(store.read(new AttemptKey("task0", 0))).isEmpty();
        assertThat(store.read(new AttemptKey("task1", 0))).isEmpty();
        assertThat(store.read(new AttemptKey("task4", 0))).hasValue(bytes("log 4"));
    }

    @Property(tries = 200)
    void anyTaskIdMapsToASafeSingleFileName(@ForAll @StringLength(min = 1, max = 80) String taskId) {
        assertThat(TaskLogStore.fileNameFor(new AttemptKey(taskId, 3)))
                .matches("[A-Za-z0-9_-]*\\.[0-9a-f]{16}\\.3\\.log");
    }

    @Test
    void distinctTaskIdsThatSanitiseAlikeGetDistinctFiles() {
        TaskLogStore store = new TaskLogStore(dir, 100, 10);
        assertThat(store.pathFor(new AttemptKey("a/b", 1))).isNotEqualTo(store.pathFor(new AttemptKey("a_b", 1)));
        assertThat(store.pathFor(new AttemptKey("../x", 1)).getParent()).isEqualTo(dir);
    }
}
