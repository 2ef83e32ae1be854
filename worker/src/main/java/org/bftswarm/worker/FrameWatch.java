package org.bftswarm.worker;

import com.github.dockerjava.api.model.Frame;

/**
 * Receives a container's attached stdout/stderr frames in arrival order and feeds each payload to
 * the bounded result capture and to the attempt's log file (output is
 * captured before auto-removal; full logs stay on the node).
 */
final class FrameWatch extends StreamWatch<Frame> {
    private final OutputCapture capture;
    private final TaskLogWriter log;

    FrameWatch(OutputCapture capture, TaskLogWriter log) {
        this.capture = capture;
        this.log = log;
    }

    @Override
    public void onNext(Frame frame) {
        byte[] payload = frame == null ? null : frame.getPayload();
        if (payload == null || payload.length == 0) {
            return;
        }
        capture.append(payload);
        if (log != null) {
            log.write(payload);
        }
    }
}
