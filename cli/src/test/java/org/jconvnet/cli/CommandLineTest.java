package org.jconvnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Usage errors, help and version of the top-level command. */
class CommandLineTest {

    @Test
    void anUnknownOptionIsOneLineAndExitCodeTwo() {
        CliRun r = CliRun.run("backends", "--no-such-option");
        assertEquals(ExitCodes.USAGE_ERROR, r.code, r::toString);
        assertEquals(List.of("jconvnet: Unknown option: '--no-such-option' (see 'jconvnet backends --help')"),
                r.errLines());
    }

    @Test
    void noSubcommandPrintsUsageAndFails() {
        CliRun r = CliRun.run();
        assertEquals(ExitCodes.USAGE_ERROR, r.code, r::toString);
        assertTrue(r.err.contains("Usage: jconvnet") && r.err.contains("backends"), r::toString);
    }

    @Test
    void helpListsEveryRegisteredSubcommandAndSucceeds() {
        CliRun r = CliRun.run("--help");
        assertEquals(ExitCodes.OK, r.code, r::toString);
        for (String name : new picocli.CommandLine(JConvNetCommand.class, new GuiceFactory(r.cli.injector()))
                .getSubcommands().keySet()) {
            assertTrue(r.out.contains(name), name);
        }
        assertTrue(r.out.contains("--backend=ID") && r.out.contains("--plugins=DIR"), r::toString);
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheSubcommand() {
        CliRun before = CliRun.run("--backend", "cpu", "backends");
        CliRun after = CliRun.run("backends", "--backend", "cpu");
        assertTrue(before.out.contains("requested backend: cpu (available)"), before::toString);
        assertTrue(after.out.contains("requested backend: cpu (available)"), after::toString);
    }

    @Test
    void aMissingPluginDirectoryIsAUsageError() {
        CliRun r = CliRun.run("backends", "--plugins", "/no/such/plugin/dir");
        assertEquals(ExitCodes.USAGE_ERROR, r.code, r::toString);
        assertEquals(List.of("jconvnet: --plugins: '/no/such/plugin/dir' is not a directory"), r.errLines());
    }

    @Test
    void versionNamesTheBuildAndTheApi() {
        CliRun r = CliRun.run("--version");
        assertEquals(ExitCodes.OK, r.code, r::toString);
        assertTrue(r.out.startsWith("jconvnet ") && r.out.contains("plugin API"), r::toString);
    }

    @Test
    void verboseAddsDebugLinesSayingWhatRuns() {
        CliRun quiet = CliRun.run("nets");
        CliRun verbose = CliRun.run("nets", "-v");
        assertEquals(ExitCodes.OK, verbose.code, verbose::toString);
        assertEquals(quiet.out, verbose.out, "stdout is the same");
        assertTrue(verbose.err.contains("[DEBUG] jconvnet: running 'jconvnet nets' with --verbose"), verbose::toString);
        assertTrue(verbose.err.contains("[DEBUG] jconvnet: plugin directories: ") && verbose.err.contains("[DEBUG] jconvnet: Java "),
                verbose::toString);
        assertTrue(!quiet.err.contains("[DEBUG]"), quiet::toString);
    }
}
