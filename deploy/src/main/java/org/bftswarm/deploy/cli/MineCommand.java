package org.bftswarm.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.deploy.launcher.ApiOptions;
import org.bftswarm.deploy.launcher.ApiTokenFile;
import org.bftswarm.deploy.launcher.ClientKey;
import org.bftswarm.deploy.launcher.ClusterOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.MineProgressLine;
import org.bftswarm.deploy.launcher.NodeKeys;
import org.bftswarm.deploy.launcher.SignedSubmission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bftswarm mine}: submit a proof-of-work job; optionally wait, showing the search. */
@Command(
        name = "mine",
        description = {
            "Mine a Bitcoin-style block: the nonce search is cut into work units placed over the nodes; the first"
                    + " report of a valid nonce ends the job once the state machine has re-hashed it. From --text"
                    + " (a one-transaction block on the chain head, time = the ordering batch) or from explicit"
                    + " header fields (a known block re-mined as a check). With --wait, show the fraction searched,"
                    + " the cluster hash rate and the units per node, then the block.",
            "Exit code with --wait: 0 when a solution was found, 1 otherwise (NOT_FOUND, failed, cancelled).",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bftswarm mine --text \"find my hash\" --difficulty easy --wait",
            "  ./bftswarm mine --version 1 --prev 0000000000000000000000000000000000000000000000000000000000000000"
                    + " --merkle 4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b --time 1231006505"
                    + " --bits 1d00ffff --nonce-start 2083000000 --nonce-end 2084000000 --wait",
        })
public final class MineCommand implements Callable<Integer> {
    /** What {@code --version} holds when given without a value: print the program's version. */
    static final String PRINT_VERSION = "";

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Mixin
    ApiOptions apiOptions;

    @Option(names = "--text", paramLabel = "TEXT", description = "The block's data: merkle root = SHA-256d of it.")
    String text;

    @Option(
            names = "--difficulty",
            paramLabel = "PRESET",
            description = "simple, easy, medium (default), hard or extreme: 1 to 5 leading hex zeros.")
    String difficulty;

    @Option(names = "--zeros", paramLabel = "N", description = "Leading hex zeros of the shown hash (1..64).")
    Integer zeros;

    @Option(names = "--bits", paramLabel = "HEX", description = "The compact target, 8 hex digits (e.g. 1d00ffff).")
    String bits;

    @Option(
            names = "--version",
            arity = "0..1",
            fallbackValue = PRINT_VERSION,
            paramLabel = "V",
            description = "Header version (default 1); without a value, print the program's version and exit.")
    String versionText;

    Integer version;

    @Option(names = "--prev", paramLabel = "HASH", description = "Previous block hash (default: the chain head).")
    String prev;

    @Option(names = "--merkle", paramLabel = "HASH", description = "Merkle root (instead of --text).")
    String merkle;

    @Option(names = "--time", paramLabel = "T", description = "Header time, u32 seconds (default: batch time).")
    Long time;

    @Option(names = "--nonce-start", paramLabel = "A", description = "First nonce (an explicit range ends NOT_FOUND).")
    Long nonceStart;

    @Option(names = "--nonce-end", paramLabel = "B", description = "Last nonce, inclusive.")
    Long nonceEnd;

    @Option(names = "--unit-size", paramLabel = "N", description = "Nonces per work unit (default 1048576).")
    Long unitSize;

    @Option(
            names = "--verification",
            paramLabel = "MODE",
            description = "How 'no solution in this unit' reports are trusted: none or quorum.")
    String verification;

    @Option(names = "--name", paramLabel = "NAME", description = "Job name (default: mine).")
    String name;

    @Option(names = "--wait", description = "Wait until the job has ended, showing the search.")
    boolean await;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", description = "Stop waiting after this long.")
    Long waitTimeout;

    @Option(names = "--json", description = "Print JSON: {\"jobId\"}, or with --wait the finished job.")
    boolean json;

    /** The submission these options describe (the rulebook checks it when it is ordered). */
    JobSubmission submission() {
        return new JobSubmission(
                name,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                verification,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                JobSubmission.MINE,
                text,
                version,
                prev,
                merkle,
                time,
                bits,
                difficulty,
                zeros,
                nonceStart,
                nonceEnd,
                unitSize);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (PRINT_VERSION.equals(versionText)) {
            for (String line : new VersionProvider().getVersion()) {
                out.println(line);
            }
            out.flush();
            return 0;
        }
        try {
            version = versionText == null ? null : Integer.valueOf(versionText);
        } catch (NumberFormatException e) {
            throw new ParameterException(
                    spec.commandLine(), "--version: a header version is a whole number, got " + versionText);
        }
        Optional<ClusterTarget> target = cluster.open(RepoHome.find(), err, ProblemPrinter::errors);
        if (target.isEmpty()) {
            return 1;
        }
        return run(target.get(), out, err);
    }

    int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        try {
            apiOptions.checkVia(target);
            Optional<ClientKey> key = apiOptions.clientKey(target);
            ApiClient api =
                    apiOptions.client(target, ApiTokenFile.read(target.layout().tokenFile()));
            JobSubmission job = submission();
            String jobId = key.isPresent()
                    ? SignedSubmission.submit(api, target.config().swarm(), key.get(), job, NodeKeys.writes(target))
                    : api.submit(job);
            if (!await) {
                out.println(json ? api.json().writeValueAsString(Map.of("jobId", jobId)) : jobId);
                out.flush();
                return 0;
            }
            if (!json) {
                out.println("submitted " + jobId);
                out.flush();
            }
            JobJson done = follow(api, jobId, json ? null : out);
            if (done == null) {
                err.printf(
                        "bftswarm mine: %s not finished after %d s (./bftswarm job %s)%n", jobId, waitTimeout, jobId);
                return 1;
            }
            ClusterCommand.printJsonOrText(out, json, api.json(), done, () -> result(done));
            return "COMPLETE".equals(done.status().name()) ? 0 : 1;
        } catch (ApiException e) {
            return ClusterCommand.failure(err, "mine", e);
        }
    }

    private JobJson follow(ApiClient api, String jobId, PrintWriter progress) throws Exception {
        long start = System.nanoTime();
        long deadline = waitTimeout == null
                ? Long.MAX_VALUE
                : start + Duration.ofSeconds(waitTimeout).toNanos();
        long prevCovered = 0;
        long prevAt = start;
        while (System.nanoTime() < deadline) {
            JobJson job = api.job(jobId);
            long now = System.nanoTime();
            if (progress != null && job.mine() != null) {
                progress.println(MineProgressLine.line(job, prevCovered, (now - prevAt) / 1e9));
                progress.flush();
                prevCovered = job.mine().path("noncesCovered").asLong();
                prevAt = now;
            }
            if (job.status().terminal()) {
                return job;
            }
            Thread.sleep(1000);
        }
        return null;
    }

    static String result(JobJson job) {
        JsonNode m = job.mine();
        StringBuilder b = new StringBuilder();
        b.append(job.id()).append(' ').append(job.status()).append('\n');
        if (m != null && m.hasNonNull("nonce")) {
            b.append("  nonce       ").append(m.get("nonce").asLong()).append('\n');
            b.append("  hash        ").append(m.path("hash").asText()).append('\n');
            b.append("  merkle      ").append(m.path("merkle").asText()).append('\n');
            b.append("  extraNonce  ").append(m.path("extraNonce").asLong()).append('\n');
            b.append("  miner       node ").append(m.path("miner").asInt()).append('\n');
        }
        if (m != null) {
            b.append("  target      ").append(m.path("target").asText()).append('\n');
            b.append("  units       ")
                    .append(m.path("unitsIssued").asLong())
                    .append(" issued, ")
                    .append(m.path("unitsDone").asLong())
                    .append(" done without a solution, ")
                    .append(m.path("reassigned").asLong())
                    .append(" placed again, ")
                    .append(m.path("falseClaims").asLong())
                    .append(" false claims refused\n");
        }
        return b.toString();
    }
}
