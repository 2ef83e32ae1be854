package org.bftswarm.orchestrator.view;

/** A node is UP (placeable) until f+1 distinct suspicions mark it DOWN; it rejoins UP by itself. */
public enum NodeState {
    UP,
    DOWN
}
