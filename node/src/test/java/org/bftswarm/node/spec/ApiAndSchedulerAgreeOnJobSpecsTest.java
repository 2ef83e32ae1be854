package org.bftswarm.node.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.consensus.api.ExecutionContext;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.SchedulerConfig;
import org.bftswarm.orchestrator.ops.OperationCodec;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.ReplyCodec;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.spec.JobSpec;

/**
 * One rulebook for a job spec: a spec sent as JSON to {@code POST /api/v1/jobs} (decoded to a
 * {@link JobSubmission}, mapped by the node, checked by the validator) and the same spec in a
 * SubmitJob executed by the {@link Scheduler} state machine are accepted or refused together, for
 * the same reasons (the 400's detail is the scheduler's INVALID errors, word for word), and an
 * accepted spec is stored identically whichever path it took.
 */
class ApiAndSchedulerAgreeOnJobSpecsTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setDefaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
    private static final int USER = 5000;

    private static RulebookGate gate;

    @BeforeContainer
    static void startGate() {
        gate = new RulebookGate();
    }

    @AfterContainer
    static void stopGate() {
        gate.close();
    }

    @Property(tries = 400)
    void theApiAndTheSchedulerAcceptAndRefuseTheSameSpecsForTheSameReasons(@ForAll("specs") JobSpec spec)
            throws Exception {
        Verdict api = viaApi(spec);
        Reply scheduler = viaScheduler(spec);

        assertThat(api.accepted())
                .as("accepted over HTTP vs by the scheduler: %s", scheduler)
                .isEqualTo(scheduler.isOk());
        if (api.accepted()) {
            assertThat(stored(api.admitted())).isEqualTo(stored(spec));
        } else {
            assertThat(scheduler.code()).isEqualTo(ReplyCode.INVALID);
            assertThat(api.error()).isEqualTo("invalid_spec");
            assertThat(api.detail()).isEqualTo(String.join("; ", scheduler.errors()));
        }
    }

    @Example
    void anImageWithAPlusIsRefusedByBoth() throws Exception {
        assertBothRefuse(JobSpec.of("a+b", null), "image: ");
    }

    @Example
    void aCountOverAThousandIsRefusedByBoth() throws Exception {
        assertBothRefuse(spec(null, "x", null, null, null, null, null, null, null, 5000, null, null), "count: ");
    }

    @Example
    void anUnknownVerificationModeIsRefusedByBoth() throws Exception {
        assertBothRefuse(JobSpec.of("x", null).withVerification("majority"), "verification: ");
    }

    @Example
    void anImageAloneGetsAQuarterCpuWhicheverPathItTakes() throws Exception {
        JobSpec imageOnly = JobSpec.of("x", null);
        Verdict api = viaApi(imageOnly);

        assertThat(api.accepted()).isTrue();
        assertThat(stored(api.admitted()).cpus()).isEqualTo(0.25);
        assertThat(stored(imageOnly).cpus()).isEqualTo(0.25);
    }

    private static void assertBothRefuse(JobSpec spec, String prefix) throws Exception {
        Verdict api = viaApi(spec);
        Reply scheduler = viaScheduler(spec);
        assertThat(api.accepted()).isFalse();
        assertThat(api.detail()).startsWith(prefix);
        assertThat(scheduler.errors()).singleElement().asString().startsWith(prefix);
    }

    private record Verdict(boolean accepted, String error, String detail, JobSpec admitted) {}

    private static Verdict viaApi(JobSpec spec) throws Exception {
        int before = gate.admitted.size();
        HttpResponse<String> r = gate.submit(JSON.writeValueAsString(wire(spec)));
        if (r.statusCode() == 202) {
            return new Verdict(true, null, null, gate.admitted.get(before));
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(r.body());
        return new Verdict(false, body.get("error").asText(), body.get("detail").asText(), null);
    }

    private static JobSubmission wire(JobSpec s) {
        return new JobSubmission(
                s.name(),
                s.image(),
                s.command(),
                s.env(),
                s.cpus(),
                s.memoryMb(),
                s.timeoutSeconds(),
                s.retries(),
                s.backoffSeconds(),
                s.count(),
                s.constraints(),
                s.network(),
                s.verification());
    }

    /**
     * A scheduler whose state-transfer limit is large enough that its state budget (which depends on the
     * cluster and the state, so no stateless rulebook can apply it) never refuses a valid spec here.
     */
    private static Scheduler unboundedScheduler() {
        return new Scheduler(SchedulerConfig.defaults(4).withStateTransferLimit(1L << 30));
    }

    private static Reply viaScheduler(JobSpec spec) {
        Scheduler scheduler = unboundedScheduler();
        byte[] op = OperationCodec.encode(new SubmitJob(null, spec));
        byte[] reply = scheduler.execute(new ExecutionContext(1, 1_000_000, USER, 1), op);
        return ReplyCodec.decode(reply).orElseThrow();
    }

    /** The spec the scheduler stores for an accepted submission. */
    private static JobSpec stored(JobSpec spec) {
        Scheduler scheduler = unboundedScheduler();
        byte[] op = OperationCodec.encode(new SubmitJob(null, spec));
        Reply reply = ReplyCodec.decode(scheduler.execute(new ExecutionContext(1, 1_000_000, USER, 1), op))
                .orElseThrow();
        assertThat(reply.isOk()).as("%s", reply).isTrue();
        return scheduler.job(reply.jobId()).orElseThrow().spec();
    }

    private static JobSpec spec(
            String name,
            String image,
            List<String> command,
            Map<String, String> env,
            Double cpus,
            Long memoryMb,
            Integer timeoutSeconds,
            Integer retries,
            Integer backoffSeconds,
            Integer count,
            Map<String, String> constraints,
            String network) {
        return new JobSpec(
                name,
                image,
                command,
                env,
                cpus,
                memoryMb,
                timeoutSeconds,
                retries,
                backoffSeconds,
                count,
                constraints,
                network);
    }

    @Provide
    Arbitrary<JobSpec> specs() {
        return Builders.withBuilder(() -> new Object[13])
                .use(field(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                        "",
                        " ",
                        "a\tb",
                        "x".repeat(128),
                        "x".repeat(129)))
                .in((a, v) -> set(a, 0, v))
                .use(field(
                        Arbitraries.of("bftswarm/busybox", "img:1.0", "registry.local/a/b@sha256:00", "x"),
                        "",
                        "a+b",
                        "has space",
                        "-x",
                        "x".repeat(256),
                        "x".repeat(257)))
                .in((a, v) -> set(a, 1, v))
                .use(commands())
                .in((a, v) -> set(a, 2, v))
                .use(envs())
                .in((a, v) -> set(a, 3, v))
                .use(field(
                        Arbitraries.doubles().between(0.001, 1024).ofScale(3),
                        0.0,
                        -1.0,
                        0.0001,
                        0.0005,
                        0.001,
                        1024.0,
                        1024.001,
                        1e9))
                .in((a, v) -> set(a, 4, v))
                .use(field(Arbitraries.longs().between(6, 1L << 24), 0L, 5L, 6L, 1L << 24, (1L << 24) + 1, -1L))
                .in((a, v) -> set(a, 5, v))
                .use(field(Arbitraries.integers().between(1, 604_800), 0, 1, 604_800, 604_801, -1))
                .in((a, v) -> set(a, 6, v))
                .use(field(Arbitraries.integers().between(0, 100), -1, 0, 100, 101))
                .in((a, v) -> set(a, 7, v))
                .use(field(Arbitraries.integers().between(0, 3600), -1, 0, 3600, 3601))
                .in((a, v) -> set(a, 8, v))
                .use(field(Arbitraries.integers().between(1, 20), 0, -1, 1000, 1001, 5000))
                .in((a, v) -> set(a, 9, v))
                .use(constraints())
                .in((a, v) -> set(a, 10, v))
                .use(field(Arbitraries.of("none", "bridge"), "host", "", "NONE"))
                .in((a, v) -> set(a, 11, v))
                .use(field(Arbitraries.of("none", "quorum"), "majority", "", "QUORUM"))
                .in((a, v) -> set(a, 12, v))
                .build(ApiAndSchedulerAgreeOnJobSpecsTest::fromFields);
    }

    @SuppressWarnings("unchecked")
    private static JobSpec fromFields(Object[] f) {
        return new JobSpec(
                (String) f[0],
                (String) f[1],
                (List<String>) f[2],
                (Map<String, String>) f[3],
                (Double) f[4],
                (Long) f[5],
                (Integer) f[6],
                (Integer) f[7],
                (Integer) f[8],
                (Integer) f[9],
                (Map<String, String>) f[10],
                (String) f[11],
                (String) f[12]);
    }

    private static Object[] set(Object[] fields, int i, Object value) {
        fields[i] = value;
        return fields;
    }

    /** Absent (a default), a valid value, or an edge of the rule: a limit, one past it, or plain wrong. */
    @SafeVarargs
    private static <T> Arbitrary<T> field(Arbitrary<T> valid, T... edges) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(null)), Tuple.of(6, valid), Tuple.of(1, Arbitraries.of(edges)));
    }

    private static Arbitrary<List<String>> commands() {
        Arbitrary<List<String>> valid =
                Arbitraries.strings().ofMaxLength(8).list().ofMaxSize(4);
        Arbitrary<List<String>> edges = Arbitraries.of(
                List.of(),
                Collections.singletonList(null),
                List.of("a\0b"),
                List.of("x".repeat(4096)),
                List.of("x".repeat(4097)),
                Collections.nCopies(256, "a"),
                Collections.nCopies(257, "a"));
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(null)), Tuple.of(6, valid), Tuple.of(1, edges));
    }

    private static Arbitrary<Map<String, String>> envs() {
        Arbitrary<Map<String, String>> valid = Arbitraries.maps(
                        Arbitraries.strings()
                                .withChars("ABC_.")
                                .ofMinLength(1)
                                .ofMaxLength(6)
                                .filter(k -> !Character.isDigit(k.charAt(0)) && k.charAt(0) != '.'),
                        Arbitraries.strings().ofMaxLength(8).filter(v -> v.indexOf('\0') < 0))
                .ofMaxSize(3);
        return mapsWithEdges(
                valid,
                map("1BAD", "v"),
                map("a.b", "v"),
                map("", "v"),
                map("A", null),
                map("A", "x".repeat(4097)),
                map("A", "a\0b"),
                entries(256),
                entries(257));
    }

    private static Arbitrary<Map<String, String>> constraints() {
        Arbitrary<Map<String, String>> valid = Arbitraries.maps(
                        Arbitraries.of("zone", "rack", "gpu", "eu west"), Arbitraries.of("a", "b", "x y"))
                .ofMaxSize(2);
        return mapsWithEdges(
                valid,
                map("", "a"),
                map("k", "x".repeat(256)),
                map("k", "x".repeat(257)),
                map("k", null),
                map("a\nb", "v"),
                entries(64),
                entries(65));
    }

    @SafeVarargs
    private static Arbitrary<Map<String, String>> mapsWithEdges(
            Arbitrary<Map<String, String>> valid, Map<String, String>... edges) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(null)), Tuple.of(6, valid), Tuple.of(1, Arbitraries.of(edges)));
    }

    private static Map<String, String> map(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    private static Map<String, String> entries(int n) {
        Map<String, String> m = new LinkedHashMap<>();
        IntStream.range(0, n).forEach(i -> m.put("K" + i, "v"));
        return m;
    }
}
