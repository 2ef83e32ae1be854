package org.bftswarm.tests.dashboard;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.bftswarm.deploy.launcher.ApiTokenFile;
import org.bftswarm.deploy.launcher.FaultInjector;
import org.bftswarm.tests.support.RealCluster;

/** The real 4-node cluster the browser tests look at: HTTP ports 16100+, WebSocket 15400+, consensus/state 27000+. */
final class DashboardCluster extends RealCluster {
    DashboardCluster(Path dir) throws IOException {
        super(dir, "browser tests", "dashboard", new PortBases(16100, 15400, 27000), List.of());
    }

    FaultInjector faults() {
        return new FaultInjector(target(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Node {@code id}'s base URL, e.g. {@code http://127.0.0.1:16100}: the page is served at its root. */
    String url(int id) {
        return target().apiUrls().get(id);
    }

    String token() throws IOException {
        return ApiTokenFile.read(target().layout().tokenFile());
    }
}
