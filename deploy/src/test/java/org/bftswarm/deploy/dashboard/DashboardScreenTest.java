package org.bftswarm.deploy.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobStatusJson;
import org.bftswarm.deploy.launcher.ClusterStatus;
import org.bftswarm.deploy.launcher.NodeRow;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

/** The full-screen loop on a terminal emulated over streams: it draws, pages on n, and q restores the screen. */
class DashboardScreenTest {
    private static final String ENTER_ALTERNATE = "\033[?1049h";
    private static final String LEAVE_ALTERNATE = "\033[?1049l";
    private static final Duration AFTER_KEYS = Duration.ofSeconds(15);

    /** Keys typed one at a time, each only once the screen shows what it waits for (or after a deadline). */
    private static final class Typist extends InputStream {
        private final ByteArrayOutputStream screen;
        private final List<String[]> steps;
        private int next;

        Typist(ByteArrayOutputStream screen, List<String[]> steps) {
            this.screen = screen;
            this.steps = steps;
        }

        /** One key per call: a reader that fills its buffer would otherwise hold a key back. */
        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int c = read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }

        @Override
        public int read() {
            if (next >= steps.size()) {
                // no more keys: end of input only after a long pause, so a quick return proves q ended the loop
                try {
                    Thread.sleep(AFTER_KEYS.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
            String[] step = steps.get(next++);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!screen.toString(StandardCharsets.UTF_8).contains(step[0]) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            return step[1].charAt(0);
        }
    }

    @Test
    void theScreenDrawsPagesOnNAndQuitsOnQLeavingTheAlternateScreen() throws Exception {
        List<JobJson> jobs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            jobs.add(new JobJson("job-" + i, "n", JobStatusJson.COMPLETE, List.of(), 1000L + i, null, "admin"));
        }
        ClusterStatus status = new ClusterStatus(
                "demo", 4, 1, 0L, 0, List.of(new NodeRow(0, 1L, "http://127.0.0.1:8080", "running", 3L, 0L)));
        DashboardSnapshot shot = new DashboardSnapshot(status, jobs, 0, null, List.of(), true, "21:04:05");
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Typist keys = new Typist(screen, List.of(new String[] {"page 1/", "n"}, new String[] {"page 2/", "q"}));
        // an external terminal writes straight into `screen` (a builder may pick a pty whose output is
        // pumped by a thread and can lose the last bytes when the terminal closes)
        try (Terminal terminal = new ExternalTerminal("test", "xterm", keys, screen, StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(80, 24));
            long start = System.nanoTime();
            int code = new DashboardScreen(terminal, () -> shot, Duration.ofMillis(200)).run();
            assertThat(code).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AFTER_KEYS);
        }
        String out = screen.toString(StandardCharsets.UTF_8);
        assertThat(out.indexOf(ENTER_ALTERNATE)).isGreaterThanOrEqualTo(0);
        assertThat(out.indexOf("page 1/")).isGreaterThan(out.indexOf(ENTER_ALTERNATE));
        assertThat(out.indexOf("page 2/")).isGreaterThan(out.indexOf("page 1/"));
        assertThat(out.lastIndexOf(LEAVE_ALTERNATE)).isGreaterThan(out.lastIndexOf("page 2/"));
        assertThat(out).contains("job-39");
    }
}
