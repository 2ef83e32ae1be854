package org.bftswarm.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bftswarm.crypto.Digest;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {
    @Property
    void keepsBoundedPrefixAndDigestsEverythingWhateverTheChunking(
            @ForAll @Size(max = 20) List<@Size(max = 40) byte[]> chunks, @ForAll @IntRange(max = 100) int limit) {
        OutputCapture capture = new OutputCapture(limit);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] c : chunks) {
            capture.append(c);
            all.writeBytes(c);
        }
        byte[] whole = all.toByteArray();
        OutputCapture.Captured out = capture.seal();
        assertThat(out.prefix()).isEqualTo(Arrays.copyOf(whole, Math.min(limit, whole.length)));
        assertThat(out.digest()).isEqualTo(Digest.sha256(whole));
        assertThat(out.totalBytes()).isEqualTo(whole.length);
        assertThat(out.truncated()).isEqualTo(whole.length > limit);
    }

    @Test
    void bytesAppendedAfterSealAreIgnored() {
        OutputCapture capture = new OutputCapture(10);
        capture.append(new byte[] {1, 2});
        OutputCapture.Captured first = capture.seal();
        capture.append(new byte[] {3});
        OutputCapture.Captured second = capture.seal();
        assertThat(second.prefix()).isEqualTo(first.prefix()).containsExactly(1, 2);
        assertThat(second.digest()).isEqualTo(first.digest());
    }

    @Test
    void defaultLimitIsTheResultBound() {
        OutputCapture capture = new OutputCapture();
        capture.append(new byte[TaskOutcome.MAX_OUTPUT_BYTES + 1]);
        OutputCapture.Captured out = capture.seal();
        assertThat(out.prefix()).hasSize(TaskOutcome.MAX_OUTPUT_BYTES);
        assertThat(out.truncated()).isTrue();
    }
}
