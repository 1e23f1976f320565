/**
 * The {@code jconvnet} command line: picocli commands wired by Guice.
 *
 * <h2>How it fits together</h2>
 * <ul>
 *   <li>{@link org.jconvnet.cli.Main} is the entry point; {@link org.jconvnet.cli.Cli} builds one
 *       Guice injector per run and hands picocli a factory backed by it, so every command gets
 *       its collaborators injected.</li>
 *   <li>{@link org.jconvnet.cli.JConvNetCommand} is the top-level command and owns the global
 *       options ({@code --backend}, {@code --plugins}, {@code -v}); they are inherited, so they
 *       may be given before or after the subcommand name. Its {@code subcommands} attribute is
 *       the ONE place where subcommands are registered.</li>
 *   <li>{@link org.jconvnet.cli.CliModule} binds the plugin class loader ({@link org.jconvnet.cli.Plugins},
 *       built once per run right after parsing), the {@code BackendRegistry} and the
 *       {@code LayerPluginRegistry} discovered on it, the {@code BackendSelector}, the
 *       {@code BackendConfig} that hands the loader to every started backend, and the chosen
 *       {@code Backend}. Nothing travels through the thread's context class loader (an
 *       architecture test forbids it). Everything else is created lazily: a command that only
 *       lists backends never starts one.</li>
 * </ul>
 *
 * <h2>Writing a command</h2>
 * Annotate a class with {@code @Command(name = ..., mixinStandardHelpOptions = true)}, implement
 * {@code Callable<Integer>} (return {@link org.jconvnet.cli.ExitCodes#OK}), inject what it needs
 * through an {@code @Inject} constructor, always as {@code jakarta.inject.Provider<T>} for
 * anything that depends on the global options (the backend, the registries), because commands
 * are instantiated before the options are parsed. Print results to
 * {@code spec.commandLine().getOut()}. Report user errors by throwing a
 * {@link org.jconvnet.api.JConvNetException} (a {@link org.jconvnet.api.config.ConfigException}
 * or {@link org.jconvnet.cli.UsageException} for exit code 2): the CLI prints
 * {@code jconvnet: <message>} and no stack trace unless {@code -v}. Then add the class to the
 * {@code subcommands} of {@link org.jconvnet.cli.JConvNetCommand}.
 */
package org.jconvnet.cli;
