package org.bftswarm.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.bftswarm.api.OrderedWrite;
import org.bftswarm.api.ReplyCertificateJson;
import org.bftswarm.consensus.client.ReplySignature;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.SignatureHex;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.ReplyCodec;
import org.junit.jupiter.api.Test;

class OrderedWritesTest {
    @Test
    void theApiAnswerCarriesTheAgreedResultBytesAndEveryCertificateUnchanged() {
        Reply reply = Reply.okJob(ReplyCode.JOB_ACCEPTED, "alice-1");
        byte[] result = ReplyCodec.encode(reply);
        byte[] sig = new byte[64];
        sig[3] = 7;
        ReplySignature cert = new ReplySignature(2, 1005, 88, 41, Digest.sha256(result), sig);

        OrderedWrite w = OrderedWrites.toApi(new OperationClient.CertifiedReply(reply, result, List.of(cert)));

        assertThat(w.jobId()).isEqualTo("alice-1");
        assertThat(Base64.getDecoder().decode(w.result())).isEqualTo(result);
        ReplyCertificateJson j = w.replies().get(0);
        assertThat(j)
                .isEqualTo(new ReplyCertificateJson(
                        2, 1005, 88, 41, Digest.sha256(result).hex(), SignatureHex.encode(sig)));
    }
}
