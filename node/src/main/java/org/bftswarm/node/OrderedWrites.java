package org.bftswarm.node;

import java.util.Base64;
import org.bftswarm.api.OrderedWrite;
import org.bftswarm.api.ReplyCertificateJson;
import org.bftswarm.consensus.client.ReplySignature;
import org.bftswarm.crypto.SignatureHex;

/**
 * An ordered client-signed operation as the API answers it: the job id, the result bytes f+1 replicas
 * agreed on (base64) and their signed reply certificates, passed on unchanged so the client checks them.
 */
final class OrderedWrites {
    private OrderedWrites() {}

    static OrderedWrite toApi(OperationClient.CertifiedReply certified) {
        return new OrderedWrite(
                certified.reply().jobId(),
                Base64.getEncoder().encodeToString(certified.result()),
                certified.certificates().stream().map(OrderedWrites::toApi).toList());
    }

    static ReplyCertificateJson toApi(ReplySignature s) {
        return new ReplyCertificateJson(
                s.replica(),
                s.clientId(),
                s.requestNumber(),
                s.sequence(),
                s.resultDigest().hex(),
                SignatureHex.encode(s.signature()));
    }
}
