package org.bftswarm.deploy;

import org.bftswarm.deploy.cli.BftswarmCommand;

/**
 * Entry point of {@code ./bftswarm}: runs the picocli command tree of {@link BftswarmCommand} and
 * exits with its code (0 ok, 1 invalid input or failed check, 2 usage error).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(BftswarmCommand.newCommandLine().execute(args));
    }
}
