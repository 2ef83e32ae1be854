package org.bftswarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bftswarm.orchestrator.ops.CancelJob;
import org.bftswarm.orchestrator.ops.DecodeResult;
import org.bftswarm.orchestrator.ops.NodeAlive;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.OperationCodec;
import org.bftswarm.orchestrator.ops.RegisterNode;
import org.bftswarm.orchestrator.ops.ReportBatch;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.ops.SuspectNode;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.ops.TaskStarted;
import org.bftswarm.orchestrator.ops.Tick;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.junit.jupiter.api.Test;

class OperationCodecTest {

    @Property(tries = 300)
    void decodingAnEncodedOperationGivesItBackAndReencodesToTheSameBytes(@ForAll("operations") Operation op) {
        byte[] bytes = OperationCodec.encode(op);
        DecodeResult decoded = OperationCodec.decode(bytes);
        assertThat(decoded).isEqualTo(new DecodeResult.Decoded(op));
        assertThat(OperationCodec.encode(((DecodeResult.Decoded) decoded).operation()))
                .isEqualTo(bytes);
    }

    @Property(tries = 500)
    void arbitraryBytesNeverThrowAndAreReportedMalformedOrDecoded(@ForAll byte[] bytes) {
        DecodeResult result = OperationCodec.decode(bytes);
        assertThat(result).isNotNull();
        if (result instanceof DecodeResult.Malformed m) {
            assertThat(m.reason()).isNotBlank().hasSizeLessThanOrEqualTo(210);
        }
    }

    @Test
    void mapInsertionOrderDoesNotChangeTheEncoding() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        assertThat(OperationCodec.encode(new RegisterNode(1, 2.0, 100, ab)))
                .isEqualTo(OperationCodec.encode(new RegisterNode(1, 2.0, 100, ba)));
    }

    @Test
    void hostileDocumentsAreMalformedWithAReason() {
        List<String> hostile = List.of(
                "",
                "null",
                "{}",
                "[]",
                "42",
                "\"x\"",
                "{\"op\":\"Nope\"}",
                "{\"op\":\"CancelJob\"}",
                "{\"op\":\"CancelJob\",\"jobId\":7}",
                "{\"op\":\"CancelJob\",\"jobId\":\"a\",\"jobId\":\"b\"}",
                "{\"op\":\"CancelJob\",\"jobId\":\"a\",\"extra\":1}",
                "{\"op\":\"CancelJob\",\"jobId\":\"a\"} trailing",
                "{\"op\":\"SuspectNode\",\"suspector\":\"1\",\"suspect\":2}",
                "{\"op\":\"SuspectNode\",\"suspector\":1.5,\"suspect\":2}",
                "{\"op\":\"SuspectNode\",\"suspector\":null,\"suspect\":2}",
                "{\"op\":\"SuspectNode\",\"suspector\":99999999999999999999,\"suspect\":2}",
                "{\"op\":\"TaskFinished\",\"taskId\":\"t\",\"output\":\"\\ud800\"}",
                "{\"op\":\"SubmitJob\"}",
                "[".repeat(5000),
                "{\"op\":\"SubmitJob\",\"spec\":" + "{\"env\":".repeat(200) + "}");
        for (String doc : hostile) {
            DecodeResult r = OperationCodec.decode(doc.getBytes(StandardCharsets.UTF_8));
            assertThat(r).as(doc.length() > 60 ? doc.substring(0, 60) : doc).isInstanceOf(DecodeResult.Malformed.class);
        }
        assertThat(OperationCodec.decode(null)).isInstanceOf(DecodeResult.Malformed.class);
        assertThat(OperationCodec.decode(new byte[2 << 20])).isInstanceOf(DecodeResult.Malformed.class);
    }

    @Provide
    Arbitrary<Operation> operations() {
        Arbitrary<String> ids =
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> text = Arbitraries.strings()
                .ofMaxLength(40)
                .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)));
        Arbitrary<Integer> node = Arbitraries.integers().between(-2, 12);
        Arbitrary<Map<String, String>> labels =
                Arbitraries.maps(ids, ids).ofMaxSize(3).map(TreeMap::new);
        Arbitrary<JobSpec> specs = Combinators.combine(
                        ids,
                        ids.list().ofMaxSize(3),
                        labels,
                        Arbitraries.doubles().between(0.001, 8).ofScale(3),
                        Arbitraries.integers().between(1, 5),
                        labels)
                .as((name, cmd, env, cpus, count, constraints) ->
                        new JobSpec(name, "img/" + name, cmd, env, cpus, 64L, 30, 1, 1, count, constraints, null));
        Arbitrary<TaskStarted> starts = Combinators.combine(
                        ids, Arbitraries.integers().between(0, 9), node, ids.injectNull(0.3))
                .as(TaskStarted::new);
        Arbitrary<TaskFinished> finishes = Combinators.combine(
                        ids,
                        Arbitraries.integers().between(0, 9),
                        node,
                        Arbitraries.integers().between(-1, 255),
                        ids,
                        text,
                        ids)
                .as(TaskFinished::new);
        return Arbitraries.oneOf(
                Combinators.combine(ids.injectNull(0.5), specs).as(SubmitJob::new),
                ids.map(CancelJob::new),
                Combinators.combine(
                                node,
                                Arbitraries.doubles().between(0.5, 64).ofScale(2),
                                Arbitraries.longs().between(1, 1 << 16),
                                labels)
                        .as(RegisterNode::new),
                starts.map(t -> (Operation) t),
                finishes.map(t -> (Operation) t),
                Combinators.combine(starts.list().ofMaxSize(3), finishes.list().ofMaxSize(3))
                        .as(ReportBatch::new),
                Combinators.combine(node, node).as(SuspectNode::new),
                node.map(NodeAlive::new),
                Arbitraries.just(new Tick()));
    }
}
