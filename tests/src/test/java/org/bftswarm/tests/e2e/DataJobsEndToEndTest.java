package org.bftswarm.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bftswarm.deploy.cli.CliRun;
import org.bftswarm.deploy.launcher.ApiTokenFile;
import org.bftswarm.tests.support.ClusterTestSupport;
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
 * Data jobs on a real 4-node cluster: the compute mesh's request (a WebAssembly module and a dataset)
 * answered 202 then 200 with the reduced result and every shard; limits and bad modules; a node paused
 * past the deadline (206, the partial result, the missing shard named).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("docker")
class DataJobsEndToEndTest {
    static final Duration DEADLINE = Duration.ofSeconds(90);

    private static final ObjectMapper JSON = new ObjectMapper();

    E2eCluster cluster;
    MeshHttp mesh;

    @BeforeAll
    void up(@TempDir Path dir) throws Exception {
        cluster = E2eCluster.create(dir);
        CliRun up = cluster.cli("up", "--skip-docker-check", "--timeout", "150");
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

    static String module(String name) throws IOException {
        Path file = ClusterTestSupport.repoRoot().resolve("examples/wasm/" + name);
        return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    }

    /** Polls the job every 100 ms until it answers 200; every status seen is kept in {@code seen}. */
    JsonNode awaitComplete(String jobId, List<Integer> seen) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            MeshHttp.Answer a = mesh.get("/api/v1/jobs/" + jobId);
            seen.add(a.status());
            if (a.status() == 200) {
                return a.body();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " did not answer 200 within " + DEADLINE + "; saw " + seen);
    }

    String submit(String json) throws Exception {
        MeshHttp.Answer a = mesh.post("/api/v1/jobs", json);
        assertThat(a.status())
                .as("POST %s -> %s", json.length() > 200 ? json.substring(0, 200) : json, a.body())
                .isEqualTo(202);
        return a.body().get("jobId").asText();
    }

    @Test
    @Order(1)
    @Timeout(200)
    void theMeshsRequestSumsTheDatasetOverTheClusterAndShowsEveryShard() throws Exception {
        String id = submit("{\"wasm_base64\": \"" + module("sum.wasm") + "\", \"dataset\": [10, 20, 30, 40]}");
        List<Integer> seen = new ArrayList<>();
        JsonNode job = awaitComplete(id, seen);
        assertThat(job.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(job.get("result").asLong()).isEqualTo(100);
        assertThat(job.get("shards")).hasSize(4);
        List<Integer> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonNode shard = job.get("shards").get(i);
            assertThat(shard.get("index").asInt()).isEqualTo(i);
            assertThat(shard.get("range").get(0).asInt()).isEqualTo(i);
            assertThat(shard.get("range").get(1).asInt()).isEqualTo(i + 1);
            assertThat(shard.get("result").asText()).isEqualTo(String.valueOf(10 * (i + 1)));
            assertThat(shard.get("state").asText()).isEqualTo("SUCCEEDED");
            nodes.add(shard.get("node").asInt());
        }
        assertThat(nodes).as("shards spread over the nodes").doesNotHaveDuplicates();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(200);
    }

    @Test
    @Order(2)
    @Timeout(200)
    void reducesShortDatasetsAndI64ValuesComeOutRight() throws Exception {
        String shortOne = submit("{\"wasm_base64\": \"" + module("sum.wasm") + "\", \"dataset\": [5, 6]}");
        JsonNode two = awaitComplete(shortOne, new ArrayList<>());
        assertThat(two.get("shards")).hasSize(2);
        assertThat(two.get("result").asLong()).isEqualTo(11);

        String max = submit("{\"wasm_base64\": \"" + module("sum.wasm")
                + "\", \"dataset\": [1, 2, 3, 40, 5, 6, 7, 8], \"shards\": 4, \"reduce\": \"max\"}");
        assertThat(awaitComplete(max, new ArrayList<>()).get("result").asLong()).isEqualTo(43);

        String larger = submit("{\"wasm_base64\": \"" + module("sum.wasm")
                + "\", \"dataset\": [1, 2, 3, 40, 5, 6, 7, 8], \"shards\": 4, \"reduce\": \"larger\"}");
        assertThat(awaitComplete(larger, new ArrayList<>()).get("result").asLong())
                .isEqualTo(43);

        long big = 5_000_000_000L;
        String i64 = submit(
                "{\"wasm_base64\": \"" + module("sum64.wasm") + "\", \"dataset\": [" + big + ", " + big + ", -1, 7]}");
        assertThat(awaitComplete(i64, new ArrayList<>()).get("result").asLong()).isEqualTo(2 * big + 6);
    }

    @Test
    @Order(3)
    @Timeout(200)
    void trapsFuelAndMemoryLimitsFailTheShardWithTheirReason() throws Exception {
        String trap = submit("{\"wasm_base64\": \"" + module("trap.wasm") + "\", \"dataset\": [1], \"fuel\": 1000}");
        JsonNode trapped = awaitComplete(trap, new ArrayList<>());
        assertThat(trapped.get("status").asText()).isEqualTo("FAILED");
        assertThat(trapped.get("shards").get(0).get("result").asText()).startsWith("TRAP");

        String spin = submit("{\"wasm_base64\": \"" + module("spin.wasm") + "\", \"dataset\": [1], \"fuel\": 100000}");
        assertThat(awaitComplete(spin, new ArrayList<>())
                        .get("shards")
                        .get(0)
                        .get("result")
                        .asText())
                .startsWith("FUEL_EXHAUSTED");

        String bomb =
                submit("{\"wasm_base64\": \"" + module("membomb.wasm") + "\", \"dataset\": [1], \"memoryPages\": 4}");
        assertThat(awaitComplete(bomb, new ArrayList<>())
                        .get("shards")
                        .get(0)
                        .get("result")
                        .asText())
                .startsWith("MEMORY_LIMIT");
    }

    @Test
    @Order(4)
    @Timeout(60)
    void badModulesAndDataAreRefusedNamingTheFieldAndNothingIsOrdered() throws Exception {
        int before = mesh.get("/api/v1/jobs").body().size();
        MeshHttp.Answer imports =
                mesh.post("/api/v1/jobs", "{\"wasm_base64\": \"" + module("imports.wasm") + "\", \"dataset\": [1]}");
        assertThat(imports.status()).isEqualTo(400);
        assertThat(imports.body().toString()).contains("wasm_base64").contains("env.log");

        MeshHttp.Answer garbage = mesh.post("/api/v1/jobs", "{\"wasm_base64\": \"AAECAw==\", \"dataset\": [1]}");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body().toString()).contains("wasm_base64");

        MeshHttp.Answer empty =
                mesh.post("/api/v1/jobs", "{\"wasm_base64\": \"" + module("sum.wasm") + "\", \"dataset\": []}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().toString()).contains("dataset");

        MeshHttp.Answer fractions =
                mesh.post("/api/v1/jobs", "{\"wasm_base64\": \"" + module("sum.wasm") + "\", \"dataset\": [1.5]}");
        assertThat(fractions.status()).isEqualTo(400);
        assertThat(fractions.body().toString()).contains("dataset");

        MeshHttp.Answer shards = mesh.post(
                "/api/v1/jobs", "{\"wasm_base64\": \"" + module("sum.wasm") + "\", \"dataset\": [1], \"shards\": 0}");
        assertThat(shards.status()).isEqualTo(400);
        assertThat(shards.body().toString()).contains("shards");

        String huge = Base64.getEncoder().encodeToString(new byte[(1 << 20) + 1024]);
        MeshHttp.Answer tooLarge = mesh.post("/api/v1/jobs", "{\"wasm_base64\": \"" + huge + "\", \"dataset\": [1]}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body().toString()).contains("wasm_base64").contains(String.valueOf(1 << 20));

        assertThat(mesh.get("/api/v1/jobs").body().size())
                .as("nothing was ordered")
                .isEqualTo(before);
    }

    @Test
    @Order(5)
    @Timeout(200)
    void aNodePausedPastTheDeadlineGivesAPartialResultNamingTheMissingShard() throws Exception {
        int primary = cluster.primary();
        // neither the primary nor the next one: a view change under load must not land on the paused node
        int paused = (primary + 2) % 4;
        assertThat(cluster.cli("pause", Integer.toString(paused)).exitCode()).isZero();
        try {
            String id = submit("{\"wasm_base64\": \"" + module("sum.wasm")
                    + "\", \"dataset\": [1, 2, 3, 4], \"shards\": 4, \"deadlineSeconds\": 1}");
            JsonNode partial = null;
            long end = System.nanoTime() + DEADLINE.toNanos();
            List<Integer> seen = new ArrayList<>();
            while (partial == null && System.nanoTime() < end) {
                MeshHttp.Answer a = mesh.get("/api/v1/jobs/" + id);
                seen.add(a.status());
                if (a.status() == 206) {
                    partial = a.body();
                } else if (a.status() == 200) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(partial)
                    .as("a 206 answer before completion; saw %s", seen)
                    .isNotNull();
            assertThat(partial.get("status").asText()).isEqualTo("PARTIAL");
            JsonNode missing = partial.get("missingShards");
            assertThat(missing).hasSize(1);
            int shard = missing.get(0).asInt();
            assertThat(partial.get("shards").get(shard).get("node").asInt()).isEqualTo(paused);
            assertThat(partial.get("result").asLong()).isEqualTo(10 - (shard + 1));
            JsonNode done = awaitComplete(id, seen);
            assertThat(done.get("result").asLong())
                    .as("the shard ran elsewhere and the job completed")
                    .isEqualTo(10);
            assertThat(done.get("shards").get(shard).get("node").asInt()).isNotEqualTo(paused);
        } finally {
            cluster.cli("resume", Integer.toString(paused));
        }
    }

    JsonNode cliJob(String... args) throws Exception {
        CliRun run = cluster.cli(args);
        assertThat(run.exitCode()).as("%s", run.all()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    @Order(6)
    @Timeout(200)
    void containerShardsReadTheirSliceOnStdinAndKnowTheirIndex(@TempDir Path dir) throws Exception {
        Path lines = dir.resolve("words.txt");
        Files.writeString(lines, "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n");
        JsonNode counted = cliJob(
                "submit",
                "--image",
                E2eCluster.IMAGE,
                "--input",
                lines.toString(),
                "--shards",
                "3",
                "--wait",
                "--json",
                "--",
                "wc",
                "-l");
        assertThat(counted.get("result").asLong()).isEqualTo(10);
        assertThat(counted.get("shards"))
                .extracting(sh -> sh.get("result").asText().strip())
                .containsExactly("4", "3", "3");

        JsonNode named = cliJob(
                "submit",
                "--image",
                E2eCluster.IMAGE,
                "--input",
                lines.toString(),
                "--shards",
                "3",
                "--reduce",
                "concat",
                "--wait",
                "--json",
                "--",
                "sh",
                "-c",
                "echo $BFTSWARM_SHARD_INDEX of $BFTSWARM_SHARD_COUNT: $(head -n 1)");
        assertThat(named.get("result").asText()).isEqualTo("0 of 3: a\n1 of 3: e\n2 of 3: h\n");

        Path numbers = ClusterTestSupport.repoRoot().resolve("examples/wasm/numbers.json");
        JsonNode summed = cliJob(
                "submit",
                "--image",
                E2eCluster.IMAGE,
                "--dataset",
                numbers.toString(),
                "--wait",
                "--json",
                "--",
                "awk",
                "{ s += $1 } END { print s }");
        assertThat(summed.get("result").asLong()).isEqualTo(550);
    }

    @Test
    @Order(7)
    @Timeout(300)
    void aShardOfAKilledNodeRunsElsewhereAndTheJobCompletes(@TempDir Path dir) throws Exception {
        Path lines = dir.resolve("four.txt");
        Files.writeString(lines, "1\n2\n3\n4\n");
        String id = cliJob(
                        "submit",
                        "--image",
                        E2eCluster.IMAGE,
                        "--input",
                        lines.toString(),
                        "--shards",
                        "4",
                        "--retries",
                        "2",
                        "--json",
                        "--",
                        "sh",
                        "-c",
                        "sleep 6; wc -l")
                .get("jobId")
                .asText();
        int primary = cluster.primary();
        int[] victim = {-1};
        int[] shard = {-1};
        E2eCluster.await("a shard running on a node other than the primary", Duration.ofSeconds(60), () -> {
            try {
                JsonNode job = mesh.get("/api/v1/jobs/" + id).body();
                for (JsonNode sh : job.get("shards")) {
                    if (sh.get("state").asText().equals("RUNNING")
                            && sh.get("node").asInt() != primary) {
                        victim[0] = sh.get("node").asInt();
                        shard[0] = sh.get("index").asInt();
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(cluster.cli("kill", Integer.toString(victim[0])).exitCode()).isZero();
        try {
            MeshHttp other = new MeshHttp(
                    cluster.target().apiUrls().get(primary),
                    ApiTokenFile.read(cluster.target().layout().tokenFile()));
            MeshHttp before = mesh;
            mesh = other;
            try {
                JsonNode done = awaitComplete(id, new ArrayList<>());
                assertThat(done.get("result").asLong()).isEqualTo(4);
                assertThat(done.get("shards").get(shard[0]).get("node").asInt())
                        .as("shard %s ran again elsewhere", shard[0])
                        .isNotEqualTo(victim[0]);
            } finally {
                mesh = before;
            }
        } finally {
            assertThat(cluster.cli("restart", Integer.toString(victim[0])).exitCode())
                    .isZero();
        }
    }
}
