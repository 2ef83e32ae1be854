package org.bftswarm.node.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Over HTTP, the rulebook's refusals are 400 invalid_spec whose detail names every bad field. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiSubmissionGateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private RulebookGate gate;

    @BeforeAll
    void start() {
        gate = new RulebookGate();
    }

    @AfterAll
    void stop() {
        gate.close();
    }

    @Test
    void missingRequiredOrOutOfBoundsFieldIs400WithTheValidationMessages() throws Exception {
        int before = gate.admitted.size();
        HttpResponse<String> missing = gate.submit("{\"name\":\"n\"}");
        HttpResponse<String> bounds = gate.submit("{\"image\":\"x\",\"count\":0,\"memoryMb\":1}");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(field(missing, "error")).isEqualTo("invalid_spec");
        assertThat(field(missing, "detail")).contains("image: is required");
        assertThat(bounds.statusCode()).isEqualTo(400);
        assertThat(field(bounds, "detail"))
                .contains("count: must be between 1 and")
                .contains("memoryMb: must be");
        assertThat(gate.admitted).hasSize(before);
    }

    @Test
    void backoffAndNetworkCanBeSetOverHttp() {
        HttpResponse<String> r = gate.submit("{\"image\":\"x\",\"backoffSeconds\":7,\"network\":\"bridge\"}");

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(gate.admitted.get(gate.admitted.size() - 1).backoffSeconds()).isEqualTo(7);
        assertThat(gate.admitted.get(gate.admitted.size() - 1).network()).isEqualTo("bridge");
    }

    private static String field(HttpResponse<String> r, String name) throws Exception {
        JsonNode body = JSON.readTree(r.body());
        return body.get(name).asText();
    }
}
