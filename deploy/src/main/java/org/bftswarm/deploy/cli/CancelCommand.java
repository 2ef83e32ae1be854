package org.bftswarm.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import org.bftswarm.api.JobJson;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.deploy.launcher.ApiOptions;
import org.bftswarm.deploy.launcher.ApiTokenFile;
import org.bftswarm.deploy.launcher.ClientKey;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.NodeKeys;
import org.bftswarm.deploy.launcher.SignedSubmission;
import org.bftswarm.orchestrator.ops.Reply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code bftswarm cancel JOB}: cancels a job by a CancelJob the client signs (an admin may cancel any
 * job, a submitter its own); without a client key, through the bearer token (which trusts the node).
 */
@Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Cancel a job: its running containers are killed. Signed with the client key (--client-key,"
                    + " default the local admin key): an admin may cancel any job, a submitter only its own.",
            "Exit code 1 with the reason when the job is unknown, already finished or already cancelled.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm cancel admin-3f2a…", "  ./bftswarm cancel JOB --client-key alice.key --via 2"})
public final class CancelCommand extends ClusterCommand {
    @Mixin
    ApiOptions apiOptions;

    @Parameters(index = "0", paramLabel = "JOB", description = "Job id, as printed by submit.")
    String jobId;

    @Override
    int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        try {
            Optional<ClientKey> key = apiOptions.clientKey(target);
            ApiClient api =
                    apiOptions.client(target, ApiTokenFile.read(target.layout().tokenFile()));
            if (key.isPresent()) {
                // the replicas' certified reply says whether the job existed and was still running: no
                // single node can make the CLI refuse (or claim) a cancel
                Optional<Reply> reply = SignedSubmission.cancel(
                        api, target.config().swarm(), key.get(), jobId, NodeKeys.writes(target));
                if (reply.isPresent() && reply.get().outcome() != Reply.Outcome.OK) {
                    String why = reply.get().detail() == null
                            ? reply.get().code().toString()
                            : reply.get().detail();
                    return refuse(err, why + status(target, api) + "; nothing to cancel");
                }
            } else {
                // the bearer token trusts the receiving node anyway: ask it first for a clear reason
                JobJson job = api.job(jobId);
                if (job.status().terminal()) {
                    return refuse(err, "job " + jobId + " already finished (" + job.status() + "); nothing to cancel");
                }
                api.cancel(jobId);
            }
            out.println("cancelling " + jobId);
            out.flush();
            return 0;
        } catch (ApiException e) {
            if (e.status() == 404) {
                return refuse(err, "no job " + jobId + " (./bftswarm jobs lists them)");
            }
            return failure(err, "cancel", e);
        } catch (IOException e) {
            return failure(err, "cancel", e);
        }
    }

    /** {@code " (COMPLETE)"}: the job's status as f+1 nodes sign it, or nothing when that cannot be read. */
    private String status(ClusterTarget target, ApiClient api) {
        try {
            return " (" + NodeKeys.reads(target, api).job(jobId).value().status() + ")";
        } catch (ApiException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int refuse(PrintWriter err, String reason) {
        err.println("bftswarm cancel: " + reason);
        err.flush();
        return 1;
    }
}
