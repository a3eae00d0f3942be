/** One `openofd <name>` subcommand. Each lives in its own file under commands/. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code; long-running commands resolve when stopped. */
  run(argv: string[]): Promise<number>;
}

/** A usage error: printed as one line, exit code 2. */
export class UsageError extends Error {}
