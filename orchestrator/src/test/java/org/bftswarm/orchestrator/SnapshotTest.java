package org.bftswarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bftswarm.crypto.Digest;
import org.junit.jupiter.api.Test;

class SnapshotTest {

    private static ClusterDriver busy() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String job = d.submit(ClusterDriver.spec(1, 64, 7));
        d.start(job + ".0");
        d.finish(job + ".1", 0);
        d.suspect(0, 3);
        return d;
    }

    @Test
    void emptySchedulerRoundTripsAndDigestIsSha256OfSnapshot() {
        Scheduler a = Scheduler.forCluster(4);
        Scheduler b = Scheduler.forCluster(4);
        b.restore(a.snapshot());
        assertThat(b.snapshot()).isEqualTo(a.snapshot());
        assertThat(a.digest()).isEqualTo(Digest.sha256(a.snapshot()));
    }

    @Test
    void restoredReplicaContinuesExactlyLikeTheOriginal() {
        ClusterDriver a = busy();
        ClusterDriver b = new ClusterDriver(Scheduler.forCluster(4));
        b.scheduler.restore(a.scheduler.snapshot());
        b.sequence = a.sequence;
        b.now = a.now;
        for (ClusterDriver d : new ClusterDriver[] {a, b}) {
            d.advance(1_000);
            d.suspect(1, 3);
            d.finish("job-1.2", 1);
            d.register(3, 8, 8192, Map.of());
        }
        assertThat(b.scheduler.snapshot()).isEqualTo(a.scheduler.snapshot());
        assertThat(b.scheduler.digest()).isEqualTo(a.scheduler.digest());
        b.scheduler.checkInvariants();
    }

    @Test
    void snapshotOfAnotherClusterSizeIsRefused() {
        byte[] snap = busy().scheduler.snapshot();
        assertThatThrownBy(() -> Scheduler.forCluster(7).restore(snap))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cluster of 4");
    }

    @Test
    void tamperedSnapshotsAreRefusedAndLeaveStateAlone() {
        ClusterDriver d = busy();
        String json = new String(SnapshotCompression.inflate(d.scheduler.snapshot(), 1 << 30), StandardCharsets.UTF_8);
        Scheduler target = Scheduler.forCluster(4);
        Digest before = target.digest();
        String[] lies = {
            json.replace("\"milliCpus\"", "\"x\""),
            json.replace("\"attempt\":1", "\"attempt\":-1"),
            json.replace("\"job-1.6\"", "\"job-1.9\""),
            json.replace("\"nextJobNumber\":2", "\"nextJobNumber\":1"),
            "{ " + json.substring(1),
            json.replace("\"state\":\"UP\"", "\"state\":\"DOWN\""),
            json + " ",
            "{}",
        };
        for (String lie : lies) {
            assertThat(lie).isNotEqualTo(json);
            byte[] compressed = SnapshotCompression.deflate(lie.getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> target.restore(compressed))
                    .as(lie.length() > 80 ? lie.substring(0, 80) : lie)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(target.digest()).isEqualTo(before);
    }

    @Property(tries = 200)
    void garbageSnapshotsThrowOnlyIllegalArgumentException(@ForAll byte[] garbage) {
        Scheduler s = Scheduler.forCluster(4);
        assertThatThrownBy(() -> s.restore(garbage)).isInstanceOf(IllegalArgumentException.class);
    }
}
