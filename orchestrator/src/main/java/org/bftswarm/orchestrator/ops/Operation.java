package org.bftswarm.orchestrator.ops;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One command to the replicated scheduler. Operations are
 * ordered by PBFT and executed by every replica; {@link OperationCodec} gives each exactly one
 * byte form. Who may issue which operation is decided inside the state machine from the
 * authenticated client id (see {@code NodePrincipals}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SubmitJob.class, name = "SubmitJob"),
    @JsonSubTypes.Type(value = CancelJob.class, name = "CancelJob"),
    @JsonSubTypes.Type(value = RegisterNode.class, name = "RegisterNode"),
    @JsonSubTypes.Type(value = TaskStarted.class, name = "TaskStarted"),
    @JsonSubTypes.Type(value = TaskFinished.class, name = "TaskFinished"),
    @JsonSubTypes.Type(value = SuspectNode.class, name = "SuspectNode"),
    @JsonSubTypes.Type(value = NodeAlive.class, name = "NodeAlive"),
    @JsonSubTypes.Type(value = Tick.class, name = "Tick"),
    @JsonSubTypes.Type(value = ReportBatch.class, name = "ReportBatch"),
    @JsonSubTypes.Type(value = ReadmitNode.class, name = "ReadmitNode"),
    @JsonSubTypes.Type(value = ClientOperation.class, name = "ClientOperation")
})
public sealed interface Operation
        permits SubmitJob,
                CancelJob,
                RegisterNode,
                TaskStarted,
                TaskFinished,
                SuspectNode,
                NodeAlive,
                Tick,
                ReportBatch,
                ReadmitNode,
                ClientOperation {}
