package org.bftswarm.deploy.dashboard;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;
import org.jline.utils.NonBlockingReader;

/**
 * The full-screen dashboard on a real terminal: the alternate screen, raw keys, no cursor. A
 * background thread takes a snapshot every {@code refresh}; the screen is redrawn on each new one,
 * on every key and on a resize. {@code q} (or Ctrl-C) quits, {@code n}/{@code p} (also space and
 * {@code b}) page through the jobs. Whatever ends the loop, the terminal's attributes, screen and
 * cursor are restored.
 */
public final class DashboardScreen {
    private static final String HOME = "\033[H";
    private static final String CLEAR_LINE = "\033[K";
    private static final String CLEAR_BELOW = "\033[J";

    private final Terminal terminal;
    private final Supplier<DashboardSnapshot> source;
    private final Duration refresh;
    private final AtomicReference<DashboardSnapshot> latest = new AtomicReference<>();
    private final AtomicBoolean quit = new AtomicBoolean();
    private volatile boolean dirty = true;

    public DashboardScreen(Terminal terminal, Supplier<DashboardSnapshot> source, Duration refresh) {
        this.terminal = terminal;
        this.source = source;
        this.refresh = refresh;
    }

    /** Runs until q; returns exit code 0. */
    public int run() throws IOException {
        Attributes saved = terminal.enterRawMode();
        Terminal.SignalHandler previousInt = terminal.handle(Terminal.Signal.INT, s -> quit.set(true));
        Terminal.SignalHandler previousWinch = terminal.handle(Terminal.Signal.WINCH, s -> dirty = true);
        terminal.puts(InfoCmp.Capability.enter_ca_mode);
        terminal.puts(InfoCmp.Capability.cursor_invisible);
        terminal.puts(InfoCmp.Capability.clear_screen);
        terminal.flush();
        Thread poller = new Thread(this::poll, "dashboard-poll");
        poller.setDaemon(true);
        poller.start();
        int page = 0;
        try {
            terminal.writer().print(HOME + "bftswarm dashboard: looking at the cluster…" + CLEAR_BELOW);
            terminal.flush();
            NonBlockingReader reader = terminal.reader();
            while (!quit.get()) {
                DashboardSnapshot shot = latest.get();
                if (dirty && shot != null) {
                    dirty = false;
                    page = Math.min(page, DashboardRenderer.pages(shot, size().getColumns(), size().getRows()) - 1);
                    draw(shot, page);
                }
                int c = reader.read(100);
                if (c == 'q' || c == 'Q' || c == 3 || c == NonBlockingReader.EOF) {
                    quit.set(true);
                } else if (c == 'n' || c == ' ') {
                    page++;
                    dirty = true;
                } else if (c == 'p' || c == 'b') {
                    page = Math.max(0, page - 1);
                    dirty = true;
                }
                if (shot != null && page >= DashboardRenderer.pages(shot, size().getColumns(), size().getRows())) {
                    page = DashboardRenderer.pages(shot, size().getColumns(), size().getRows()) - 1;
                }
            }
        } finally {
            quit.set(true);
            poller.interrupt();
            terminal.puts(InfoCmp.Capability.cursor_visible);
            terminal.puts(InfoCmp.Capability.exit_ca_mode);
            terminal.setAttributes(saved);
            terminal.handle(Terminal.Signal.INT, previousInt);
            terminal.handle(Terminal.Signal.WINCH, previousWinch);
            terminal.flush();
        }
        return 0;
    }

    private void poll() {
        while (!quit.get()) {
            try {
                latest.set(source.get());
                dirty = true;
                Thread.sleep(refresh.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a failed look: keep the last one on screen and try again
                try {
                    Thread.sleep(refresh.toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private Size size() {
        Size size = terminal.getSize();
        int cols = size.getColumns() > 0 ? size.getColumns() : 100;
        int rows = size.getRows() > 0 ? size.getRows() : 30;
        return new Size(cols, rows);
    }

    private void draw(DashboardSnapshot shot, int page) {
        Size size = size();
        List<String> lines = DashboardRenderer.render(shot, size.getColumns(), size.getRows(), page);
        PrintWriter w = terminal.writer();
        StringBuilder frame = new StringBuilder(HOME);
        for (int i = 0; i < lines.size(); i++) {
            frame.append(lines.get(i)).append(CLEAR_LINE);
            if (i < lines.size() - 1) {
                frame.append("\r\n");
            }
        }
        frame.append(CLEAR_BELOW);
        w.print(frame);
        w.flush();
    }
}
