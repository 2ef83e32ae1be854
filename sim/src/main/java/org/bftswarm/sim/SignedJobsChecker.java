package org.bftswarm.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.clients.ClientPolicy;
import org.bftswarm.orchestrator.clients.ClientRole;
import org.bftswarm.orchestrator.ops.ClientOperation;
import org.bftswarm.orchestrator.ops.DecodeResult;
import org.bftswarm.orchestrator.ops.OperationCodec;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.view.JobView;

/**
 * End-of-run checks of end-to-end signing, judged from what the clients signed
 * ({@link ResultLedger#signed}) and the most advanced correct replica's scheduler: every job was
 * submitted by a signing client ({@code client:NAME}) whose role may submit, with exactly the spec that
 * client signed for that job id, normalised as the rulebook normalises it ({@link JobSpec#normalized()}
 * with the cluster's default verification filled in and a data job's shard count as resolved); no job
 * came from a node or a bearer token (no honest party of the run submits that way); every submission a
 * submitting client signed became a job (one its entry node dropped, or the state budget refused, was
 * sent again); and no (client, request number) got more than one accepted
 * reply, whoever forwarded it.
 */
final class SignedJobsChecker {
    private static final String CLIENT_PREFIX = "client:";

    private SignedJobsChecker() {}

    static List<String> check(Scheduler ref, ResultLedger ledger, ClientPolicy policy, String defaultVerification) {
        List<String> v = new ArrayList<>();
        TreeMap<String, TreeMap<String, JobSpec>> signedSpecs = signedSubmissions(ledger, defaultVerification, v);
        for (JobView job : ref.jobs()) {
            String by = job.submittedBy();
            if (by == null || !by.startsWith(CLIENT_PREFIX)) {
                v.add("job " + job.id() + " (submitted by " + by + ") is a job no client signed");
                continue;
            }
            String client = by.substring(CLIENT_PREFIX.length());
            JobSpec signed = withShardsOf(
                    signedSpecs.getOrDefault(client, new TreeMap<>()).get(job.id()), job.spec());
            if (signed == null) {
                v.add("job " + job.id() + " of " + by + " is a job no client signed");
            } else if (!signed.equals(job.spec())) {
                v.add("job " + job.id() + " differs from what client " + client + " signed: stored " + job.spec()
                        + ", signed " + signed);
            }
            if (!policy.roleOf(client).map(ClientRole::maySubmit).orElse(false)) {
                v.add("job " + job.id() + " belongs to client " + client + ", whose role may not submit");
            }
        }
        for (Map.Entry<String, TreeMap<String, JobSpec>> e : signedSpecs.entrySet()) {
            if (!policy.roleOf(e.getKey()).map(ClientRole::maySubmit).orElse(false)) {
                continue;
            }
            for (String jobId : e.getValue().keySet()) {
                if (ref.job(jobId).isEmpty()) {
                    v.add("job " + jobId + " signed by client " + e.getKey() + " never became a job");
                }
            }
        }
        ledger.signedAccepted.forEach((request, count) -> {
            if (count > 1) {
                v.add("signed request " + request + " was accepted " + count + " times");
            }
        });
        return v;
    }

    /** Per client, job id to the normalised spec of every SubmitJob it signed. */
    private static TreeMap<String, TreeMap<String, JobSpec>> signedSubmissions(
            ResultLedger ledger, String defaultVerification, List<String> v) {
        TreeMap<String, TreeMap<String, JobSpec>> out = new TreeMap<>();
        ledger.signed.forEach((client, requests) -> requests.forEach((number, bytes) -> {
            DecodeResult d = OperationCodec.decode(bytes);
            if (!(d instanceof DecodeResult.Decoded ok) || !(ok.operation() instanceof ClientOperation signed)) {
                v.add("request " + number + " signed by client " + client + " does not decode");
                return;
            }
            if (signed.operation() instanceof SubmitJob submit) {
                out.computeIfAbsent(client, c -> new TreeMap<>())
                        .put(submit.jobId(), normalized(submit.spec(), defaultVerification));
            }
        }));
        return out;
    }

    /**
     * A signed data spec with its shard count as stored: the one it names, else the stored one (the
     * scheduler resolves an absent count when it orders the job; {@link DataResultChecker} judges it).
     */
    private static JobSpec withShardsOf(JobSpec signed, JobSpec stored) {
        if (signed == null
                || !signed.hasData()
                || !stored.hasData()
                || stored.data().shards() == null) {
            return signed;
        }
        Integer named = signed.data().shards();
        return signed.withShards(named != null ? named : stored.data().shards());
    }

    /** The spec as the scheduler stores it: normalised, the cluster's default verification if it names none. */
    static JobSpec normalized(JobSpec spec, String defaultVerification) {
        JobSpec n = spec.normalized();
        return n.verification() == null ? n.withVerification(defaultVerification) : n;
    }
}
