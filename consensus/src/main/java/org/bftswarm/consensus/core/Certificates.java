package org.bftswarm.consensus.core;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.Message.Checkpoint;
import org.bftswarm.consensus.codec.Message.Commit;
import org.bftswarm.consensus.codec.Message.PrePrepare;
import org.bftswarm.consensus.codec.Message.Prepare;
import org.bftswarm.consensus.codec.Message.PreparedCert;
import org.bftswarm.consensus.codec.Message.ViewChange;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.Digest;

/**
 * Structural validation of transferable certificates (PBFT-PK, TOCS 2002 section 2.3 and
 * section 4.5): checkpoint proofs (2f+1 distinct signers of the same (seq, digest)), prepared
 * certificates (pre-prepare by the view's primary + 2f matching prepares from distinct backups),
 * VIEW-CHANGE messages and committed certificates. Signatures are checked earlier by the
 * InboundVerifier; these checks are about who signed what. Each returns null when valid, else why not.
 */
public final class Certificates {
    private Certificates() {}

    public static String checkpointProofProblem(long seq, Digest digest, List<Signed> proof, Quorums q) {
        if (seq == 0) {
            return null;
        }
        Set<Integer> signers = new HashSet<>();
        for (Signed s : proof) {
            if (!(s.body() instanceof Checkpoint c)
                    || c.seq() != seq
                    || !c.stateDigest().equals(digest)) {
                return "checkpoint proof entry does not match (" + seq + ")";
            }
            if (s.sender() >= q.n() || !signers.add(s.sender())) {
                return "checkpoint proof signer " + s.sender() + " invalid or repeated";
            }
        }
        return signers.size() >= q.checkpoint() ? null : "checkpoint proof has " + signers.size() + " signers";
    }

    public static String preparedCertProblem(PreparedCert cert, Quorums q) {
        PrePrepare pp = cert.body();
        int primary = q.primary(pp.view());
        if (cert.prePrepare().sender() != primary) {
            return "pre-prepare of view " + pp.view() + " not from its primary";
        }
        Set<Integer> signers = new HashSet<>();
        for (Signed s : cert.prepares()) {
            if (!(s.body() instanceof Prepare p)
                    || p.view() != pp.view()
                    || p.seq() != pp.seq()
                    || !p.digest().equals(pp.digest())) {
                return "prepare does not match its pre-prepare at seq " + pp.seq();
            }
            if (s.sender() == primary || s.sender() >= q.n() || !signers.add(s.sender())) {
                return "prepare signer " + s.sender() + " invalid or repeated";
            }
        }
        return signers.size() >= q.prepared() ? null : "prepared certificate has " + signers.size() + " prepares";
    }

    /** Checks a VIEW-CHANGE body for view {@code newView} with watermark window L. */
    public static String viewChangeProblem(ViewChange vc, Quorums q, int checkpointInterval, int window) {
        if (vc.stableSeq() % checkpointInterval != 0) {
            return "stable seq " + vc.stableSeq() + " not a checkpoint";
        }
        String p = checkpointProofProblem(vc.stableSeq(), vc.stableDigest(), vc.checkpointProof(), q);
        if (p != null) {
            return p;
        }
        Set<Long> seqs = new HashSet<>();
        for (PreparedCert c : vc.prepared()) {
            PrePrepare pp = c.body();
            if (pp.view() >= vc.newView()) {
                return "prepared certificate from view " + pp.view() + " not below " + vc.newView();
            }
            if (pp.seq() <= vc.stableSeq() || pp.seq() > vc.stableSeq() + window) {
                return "prepared seq " + pp.seq() + " outside watermarks";
            }
            if (!seqs.add(pp.seq())) {
                return "two prepared certificates for seq " + pp.seq();
            }
            p = preparedCertProblem(c, q);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** Checks a committed certificate: pre-prepare by its primary plus 2f+1 matching commits. */
    public static String commitProofProblem(Message.CommitProof proof, Quorums q) {
        PrePrepare pp = (PrePrepare) proof.prePrepare().body();
        if (proof.prePrepare().sender() != q.primary(pp.view())) {
            return "pre-prepare not from primary of view " + pp.view();
        }
        Set<Integer> signers = new HashSet<>();
        for (Signed s : proof.commits()) {
            if (!(s.body() instanceof Commit c)
                    || c.view() != pp.view()
                    || c.seq() != pp.seq()
                    || !c.digest().equals(pp.digest())) {
                return "commit does not match pre-prepare at seq " + pp.seq();
            }
            if (s.sender() >= q.n() || !signers.add(s.sender())) {
                return "commit signer " + s.sender() + " invalid or repeated";
            }
        }
        return signers.size() >= q.committed() ? null : "commit proof has " + signers.size() + " commits";
    }
}
