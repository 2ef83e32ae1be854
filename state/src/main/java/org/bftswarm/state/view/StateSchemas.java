package org.bftswarm.state.view;

import java.util.Optional;
import org.bftswarm.state.crdt.MalformedBytesException;
import org.bftswarm.state.entry.EntryKind;
import org.bftswarm.state.entry.SignedEntry;
import org.bftswarm.state.entry.ValueValidator;

/**
 * Value schemas of the well-known register entries: a heartbeat, capacity, usage or energy value must
 * decode and must name its owner as the node, so a signed record can never describe someone else.
 */
public final class StateSchemas implements ValueValidator {
    @Override
    public Optional<String> problem(SignedEntry entry) {
        if (entry.key().kind() != EntryKind.REGISTER) {
            return Optional.empty();
        }
        try {
            int node;
            switch (entry.key().name()) {
                case Heartbeat.ENTRY_NAME ->
                    node = Heartbeat.decode(entry.value()).node();
                case NodeCapacity.ENTRY_NAME ->
                    node = NodeCapacity.decode(entry.value()).node();
                case NodeUsage.ENTRY_NAME ->
                    node = NodeUsage.decode(entry.value()).node();
                case NodeEnergy.ENTRY_NAME ->
                    node = NodeEnergy.decode(entry.value()).node();
                default -> {
                    return Optional.empty();
                }
            }
            return node == entry.key().owner()
                    ? Optional.empty()
                    : Optional.of(
                            entry.key().name() + " of owner " + entry.key().owner() + " names node " + node);
        } catch (MalformedBytesException e) {
            return Optional.of(entry.key().name() + ": " + e.getMessage());
        }
    }
}
