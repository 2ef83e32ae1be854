package org.bftswarm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class StrictJsonTest {
    private final StrictJson json = new StrictJson();

    @Property(tries = 500)
    void hostileBytesEitherDecodeOrFailAs400NeverWithAnotherException(@ForAll @Size(max = 300) byte[] body) {
        Throwable t = catchThrowable(() -> json.decode(body, JobSubmission.class));

        if (t != null) {
            assertThat(t).isInstanceOf(ApiProblem.class);
            assertThat(((ApiProblem) t).status()).isEqualTo(400);
            assertThat(t.getMessage()).isNotBlank().hasSizeLessThan(800);
        }
    }

    @Property(tries = 300)
    void mutatedValidJsonEitherDecodesOrFailsAs400(@ForAll @Size(max = 5) List<Integer> cuts, @ForAll char inserted) {
        StringBuilder sb = new StringBuilder("{\"name\":\"n\",\"image\":\"img\",\"command\":[\"a\",\"b\"],"
                + "\"env\":{\"K\":\"v\"},\"cpus\":1.5,\"memoryMb\":64,\"count\":2,\"constraints\":{\"zone\":\"a\"}}");
        for (int c : cuts) {
            int at = Math.floorMod(c, sb.length());
            sb.insert(at, inserted);
        }
        Throwable t =
                catchThrowable(() -> json.decode(sb.toString().getBytes(StandardCharsets.UTF_8), JobSubmission.class));

        if (t != null) {
            assertThat(t).isInstanceOf(ApiProblem.class);
            assertThat(((ApiProblem) t).status()).isEqualTo(400);
        }
    }
}
