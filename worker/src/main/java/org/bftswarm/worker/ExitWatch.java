package org.bftswarm.worker;

import com.github.dockerjava.api.model.WaitResponse;

/**
 * Receives the answer of a container wait request: the exit status code. Registered with
 * condition NEXT_EXIT before start for fresh containers (the default condition answers at once
 * for a container that has not started yet) and with the default condition when adopting one that
 * already runs.
 */
final class ExitWatch extends StreamWatch<WaitResponse> {
    private volatile Integer statusCode;

    @Override
    public void onNext(WaitResponse response) {
        if (response != null && response.getStatusCode() != null) {
            statusCode = response.getStatusCode();
        }
    }

    /** The exit code, or null if none was received. */
    Integer statusCode() {
        return statusCode;
    }
}
