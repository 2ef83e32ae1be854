package org.bftswarm.deploy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bftswarm.deploy.launcher.ApiException;

/**
 * The {@code --watch} loop: takes a fresh look every interval and shows it, as a full redraw (the
 * ANSI home-and-clear sequence, then the text) or, with {@code --json}, as one compact JSON document
 * per line, so the output can be piped into a line-oriented reader. A look that fails (the cluster
 * is unreachable for a moment) is shown as its error and the loop goes on; Ctrl-C ends it.
 */
final class Watch {
    static final String CLEAR = "\033[H\033[2J";

    /** What one look shows: a value printed as JSON, or its text. */
    record Shown(Object json, String text) {}

    /** One look at the cluster. */
    @FunctionalInterface
    interface Look {
        Shown take() throws Exception;
    }

    private Watch() {}

    static int run(WatchOptions options, boolean json, ObjectMapper mapper, PrintWriter out, Look look)
            throws Exception {
        long pauseMillis = Math.max(100L, Math.round(options.intervalSeconds * 1000));
        for (int frame = 0; options.frames == null || frame < options.frames; frame++) {
            if (frame > 0) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
            Shown shown;
            try {
                shown = look.take();
            } catch (ApiException e) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error", e.error());
                error.put("detail", e.getMessage());
                shown = new Shown(error, "error: " + e.getMessage() + System.lineSeparator());
            }
            if (json) {
                out.println(mapper.writeValueAsString(shown.json()));
            } else {
                out.print(CLEAR);
                out.print(shown.text());
                out.printf("%n(every %s s; Ctrl-C ends)%n", trim(options.intervalSeconds));
            }
            out.flush();
        }
        return 0;
    }

    private static String trim(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
