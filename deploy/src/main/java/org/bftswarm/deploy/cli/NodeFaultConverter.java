package org.bftswarm.deploy.cli;

import org.bftswarm.node.NodeFault;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a {@code --byzantine} behaviour by its command-line name; an unknown one lists the valid names. */
final class NodeFaultConverter implements ITypeConverter<NodeFault> {
    @Override
    public NodeFault convert(String value) {
        try {
            return NodeFault.fromCliName(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
