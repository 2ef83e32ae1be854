package org.bftswarm.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.bftswarm.deploy.cli.CliRun;
import org.bftswarm.deploy.launcher.ApiTokenFile;
import org.bftswarm.tests.support.RealCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mine jobs on a real 4-node cluster whose node 3 claims false solutions ({@code --byzantine
 * false-solutions}) and which mines a block every 3 s by itself: a medium job ends with a nonce whose
 * header hash (recomputed here with plain SHA-256) meets the target; the liar's claims are refused and
 * counted, and each would have been an invalid block; a node killed with SIGKILL mid-search has its
 * units placed again and, restarted, gets units; the automatic blocks link by previous hash, each
 * meeting its target.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("processes")
class MiningEndToEndTest {
    static final Duration DEADLINE = Duration.ofSeconds(240);
    static final String GENESIS_MERKLE = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";
    static final long GENESIS_NONCE = 2083236893L;
    static final int LIAR = 3;

    static final class MiningCluster extends RealCluster {
        MiningCluster(Path dir) throws IOException {
            super(
                    dir,
                    "mining end-to-end tests",
                    "mine",
                    new PortBases(29700, 29800, 29900),
                    List.of(
                            "consensus:",
                            "  requestTimeoutMs: 2000",
                            "  checkpointInterval: 32",
                            "  watermarkWindow: 64",
                            "heartbeat:",
                            "  periodMs: 500",
                            "  suspicionTimeoutMs: 3000",
                            "testing:",
                            "  allowByzantine: true",
                            "mining:",
                            "  auto:",
                            "    enabled: true",
                            "    intervalSeconds: 3",
                            "    difficulty: easy"),
                    0);
        }
    }

    MiningCluster cluster;
    MeshHttp mesh;

    @BeforeAll
    void up(@TempDir Path dir) throws Exception {
        cluster = new MiningCluster(dir);
        CliRun up =
                cluster.cli("up", "--skip-docker-check", "--timeout", "150", "--byzantine", LIAR + ":false-solutions");
        assertThat(up.exitCode()).as("up: %s", up.all()).isZero();
        mesh = new MeshHttp(
                cluster.target().apiUrls().get(0),
                ApiTokenFile.read(cluster.target().layout().tokenFile()));
    }

    @AfterAll
    void down() {
        if (cluster != null) {
            cluster.cli("down");
        }
    }

    String submit(String json) throws Exception {
        MeshHttp.Answer a = mesh.post("/api/v1/jobs", json);
        assertThat(a.status()).as("POST %s -> %s", json, a.body()).isEqualTo(202);
        return a.body().get("jobId").asText();
    }

    JsonNode job(String id) throws Exception {
        return mesh.get("/api/v1/jobs/" + id).body();
    }

    JsonNode awaitEnd(String id) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            MeshHttp.Answer a = mesh.get("/api/v1/jobs/" + id);
            if (a.status() == 200) {
                return a.body();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("job " + id + " did not end within " + DEADLINE + ": " + job(id));
    }

    /** SHA-256(SHA-256(header)) shown byte-reversed, computed here from the header fields. */
    static String blockHash(int version, String prev, String merkle, long time, int bits, long nonce) throws Exception {
        byte[] h = new byte[80];
        le(h, 0, version);
        System.arraycopy(reversed(HexFormat.of().parseHex(prev)), 0, h, 4, 32);
        System.arraycopy(reversed(HexFormat.of().parseHex(merkle)), 0, h, 36, 32);
        le(h, 68, (int) time);
        le(h, 72, bits);
        le(h, 76, (int) nonce);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(reversed(md.digest(md.digest(h))));
    }

    static void le(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    static byte[] reversed(byte[] b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[b.length - 1 - i];
        }
        return out;
    }

    JsonNode node(int id) throws Exception {
        for (JsonNode n : mesh.get("/api/v1/nodes").body()) {
            if (n.get("id").asInt() == id) {
                return n;
            }
        }
        throw new AssertionError("no node " + id);
    }

    @Test
    @Order(1)
    @Timeout(300)
    void aMediumJobEndsWithANonceWhoseRecomputedHashMeetsTheTarget() throws Exception {
        String id = submit("{\"kind\": \"mine\", \"data\": \"find my hash\", \"difficulty\": \"medium\"}");
        JsonNode job = awaitEnd(id);
        assertThat(job.get("status").asText()).as("%s", job).isEqualTo("COMPLETE");
        JsonNode m = job.get("mine");
        assertThat(m.get("miner").asInt()).isNotEqualTo(LIAR);
        JsonNode block = null;
        for (JsonNode b : mesh.get("/api/v1/chain").body().get("blocks")) {
            if (b.get("jobId").asText().equals(id)) {
                block = b;
            }
        }
        String hash = block != null
                ? blockHash(
                        1,
                        block.get("prev").asText(),
                        block.get("merkle").asText(),
                        block.get("time").asLong(),
                        0,
                        m.get("nonce").asLong())
                : null;
        assertThat(block).as("the data block went on the chain").isNotNull();
        assertThat(hash).isEqualTo(m.get("hash").asText()).startsWith("000");
    }

    @Test
    @Order(2)
    @Timeout(300)
    void falseSolutionsAreRefusedCountedAndWouldHaveBeenInvalidBlocks() throws Exception {
        long unit = 1L << 20;
        long from = GENESIS_NONCE - 8 * unit;
        String id = submit("{\"kind\": \"mine\", \"version\": 1, \"prev\": \"" + "0".repeat(64) + "\", \"merkle\": \""
                + GENESIS_MERKLE + "\", \"time\": 1231006505, \"bits\": \"1d00ffff\", \"nonceStart\": " + from
                + ", \"nonceEnd\": " + (GENESIS_NONCE + 10) + "}");
        JsonNode job = awaitEnd(id);
        assertThat(job.get("status").asText()).as("%s", job).isEqualTo("COMPLETE");
        JsonNode m = job.get("mine");
        assertThat(m.get("nonce").asLong()).isEqualTo(GENESIS_NONCE);
        assertThat(m.get("hash").asText())
                .isEqualTo("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f")
                .isEqualTo(blockHash(1, "0".repeat(64), GENESIS_MERKLE, 1231006505L, 0x1d00ffff, GENESIS_NONCE));
        JsonNode liar = node(LIAR);
        assertThat(liar.get("disputedResults").asInt()).as("%s", liar).isPositive();
        long refused = 0;
        for (JsonNode j : mesh.get("/api/v1/jobs").body()) {
            refused += j.path("mine").path("falseClaims").asLong();
        }
        assertThat(refused).as("false claims refused over the mine jobs").isPositive();
        // The liar claims the first nonce of its unit whose hash misses the target: accepted, that would
        // have been the job's block, and an invalid one.
        String claimed = blockHash(1, "0".repeat(64), GENESIS_MERKLE, 1231006505L, 0x1d00ffff, from);
        assertThat(claimed.compareTo("00000000ffff" + "0".repeat(52))).isPositive();
    }

    @Test
    @Order(3)
    @Timeout(400)
    void aNodeKilledMidSearchHasItsUnitsPlacedAgainAndRestartedGetsUnits() throws Exception {
        int victim = 1;
        long unit = 1L << 20;
        // long enough (200 units, the solution in the last) to still run when the killed node is back
        long from = GENESIS_NONCE - 200 * unit;
        String id = submit("{\"kind\": \"mine\", \"version\": 1, \"prev\": \"" + "0".repeat(64) + "\", \"merkle\": \""
                + GENESIS_MERKLE + "\", \"time\": 1231006505, \"bits\": \"1d00ffff\", \"nonceStart\": " + from
                + ", \"nonceEnd\": " + (GENESIS_NONCE + 10) + "}");
        E2eCluster.await("a unit running on node " + victim, DEADLINE, () -> unitsOn(id, victim) > 0);
        assertThat(cluster.cli("kill", Integer.toString(victim)).exitCode()).isZero();
        E2eCluster.await("the killed node's units placed again", DEADLINE, () -> {
            JsonNode j = quietly(id);
            return j != null && j.path("mine").path("reassigned").asLong() > 0;
        });
        assertThat(cluster.cli("restart", Integer.toString(victim)).exitCode()).isZero();
        E2eCluster.await("units given to the restarted node", DEADLINE, () -> {
            JsonNode j = quietly(id);
            if (j != null
                    && j.has("status")
                    && !j.get("status").asText().equals("RUNNING")
                    && !j.get("status").asText().equals("PENDING")) {
                throw new AssertionError("the job ended before the restarted node got a unit: " + j);
            }
            return unitsOn(id, victim) > 0;
        });
        JsonNode job = awaitEnd(id);
        assertThat(job.get("status").asText()).as("%s", job).isEqualTo("COMPLETE");
        assertThat(job.get("mine").get("nonce").asLong()).isEqualTo(GENESIS_NONCE);
        assertThat(job.get("mine").get("reassigned").asLong()).isPositive();
    }

    @Test
    @Order(4)
    @Timeout(300)
    void automaticBlocksLinkByPreviousHashEachMeetingItsTarget() throws Exception {
        E2eCluster.await("three blocks", DEADLINE, () -> {
            try {
                return mesh.get("/api/v1/chain").body().get("blocks").size() >= 3;
            } catch (Exception e) {
                return false;
            }
        });
        JsonNode chain = mesh.get("/api/v1/chain").body();
        JsonNode blocks = chain.get("blocks");
        assertThat(blocks.get(0).get("prev").asText())
                .isEqualTo(chain.get("genesis").asText());
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode b = blocks.get(i);
            String hash = blockHash(
                    1,
                    b.get("prev").asText(),
                    b.get("merkle").asText(),
                    b.get("time").asLong(),
                    0,
                    b.get("nonce").asLong());
            assertThat(hash).isEqualTo(b.get("hash").asText()).startsWith("00");
            if (i > 0) {
                assertThat(b.get("prev").asText())
                        .isEqualTo(blocks.get(i - 1).get("hash").asText());
            }
        }
    }

    int unitsOn(String id, int node) {
        JsonNode j = quietly(id);
        if (j == null) {
            return 0;
        }
        int n = 0;
        // a node that has not executed the submission yet answers 404 (no "tasks"): nothing there yet
        for (JsonNode t : j.path("tasks")) {
            String state = t.get("state").asText();
            if (t.path("node").asInt(-1) == node && (state.equals("RUNNING") || state.equals("ASSIGNED"))) {
                n++;
            }
        }
        return n;
    }

    JsonNode quietly(String id) {
        try {
            return job(id);
        } catch (Exception e) {
            return null;
        }
    }
}
