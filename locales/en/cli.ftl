# The command line: clap's headings, common parse errors, and the help of
# every command (cli-<command>) and argument (cli-<command>-arg-<argument>).
cli-heading-usage = Usage:
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-heading-commands = Commands
cli-help = Print help
cli-version = Print version
cli-error-unknown-argument = unexpected argument '{ $arg }': check its spelling in the help
cli-error-unknown-command = unknown command '{ $command }': see the commands in the help
cli-error-invalid-value = '{ $value }' is not a value of { $arg }: write one of { $valid }
cli-error-missing-argument = { $arg } is required
cli-error-bad-value = '{ $value }' is not a value of { $arg }: { $why }
cli-error-try-help = For more, run the command with '--help'.
