import { listLayouts } from "@logfeat/parsers";
import { ConfigError, LogfeatError } from "@logfeat/schema";
import { baselineCommand, compareCommand } from "./baseline-commands.js";
import { COLLECT_FLAGS, SUBMIT_FLAGS, WORKER_FLAGS } from "./distributed/distributed-flags.js";
import { writeOutput } from "./feature-output.js";
// The Redis commands load their client only when used (dynamic imports below).
import { FLAG_FOR_OPTION, outputFormatFrom, PIPELINE_FLAGS, parseCommandLine } from "./flags.js";
import { HELP } from "./help.js";
import { type CommandIo, runCommand } from "./run-command.js";
import { SERVE_FLAGS, serveCommand } from "./serve/serve-command.js";
import { EXIT, UsageError } from "./usage-error.js";

const VERSION = "0.1.0";

const RUN_FLAGS = {
  ...PIPELINE_FLAGS,
  output: { type: "string" },
  out: { type: "string" },
} as const;

const BASELINE_FLAGS = {
  ...PIPELINE_FLAGS,
  out: { type: "string" },
  "per-service": { type: "boolean" },
} as const;

const COMPARE_FLAGS = {
  ...PIPELINE_FLAGS,
  output: { type: "string" },
  baseline: { type: "string" },
  feature: { type: "string", multiple: true },
  multiplier: { type: "string" },
} as const;

function describeLayouts(): string {
  return `${listLayouts()
    .map((layout) => `  ${layout.name.padEnd(22)} ${layout.description}`)
    .join("\n")}\n`;
}

/** Runs the CLI with `args` (without node and script); resolves to the exit code. */
export async function main(args: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout.write(HELP);
        return command === undefined ? EXIT.usage : EXIT.ok;
      case "--version":
        io.stdout.write(`${VERSION}\n`);
        return EXIT.ok;
      case "layouts":
        io.stdout.write(describeLayouts());
        return EXIT.ok;
      case "run": {
        const { values, positionals } = parseCommandLine(rest, RUN_FLAGS);
        if (values["help"] === true) return help(io);
        const output = {
          format: outputFormatFrom(values),
          out: typeof values["out"] === "string" ? values["out"] : undefined,
        };
        return await runCommand(values, positionals, io, output, writeOutput);
      }
      case "baseline": {
        const { values, positionals } = parseCommandLine(rest, BASELINE_FLAGS);
        if (values["help"] === true) return help(io);
        return await baselineCommand(values, positionals, io);
      }
      case "compare": {
        const { values, positionals } = parseCommandLine(rest, COMPARE_FLAGS);
        if (values["help"] === true) return help(io);
        if (values["output"] !== undefined) outputFormatFrom(values);
        return await compareCommand(values, positionals, io);
      }
      case "serve": {
        const { values, positionals } = parseCommandLine(rest, SERVE_FLAGS);
        if (values["help"] === true) return help(io);
        return await serveCommand(values, positionals, io);
      }
      case "submit": {
        const { values, positionals } = parseCommandLine(rest, SUBMIT_FLAGS);
        if (values["help"] === true) return help(io);
        const { submitCommand } = await import("./distributed/submit-command.js");
        return await submitCommand(values, positionals, io);
      }
      case "worker": {
        const { values, positionals } = parseCommandLine(rest, WORKER_FLAGS);
        if (values["help"] === true) return help(io);
        const { workerCommand } = await import("./distributed/worker-command.js");
        return await workerCommand(values, positionals, io);
      }
      case "collect": {
        const { values, positionals } = parseCommandLine(rest, COLLECT_FLAGS);
        if (values["help"] === true) return help(io);
        const { collectCommand } = await import("./distributed/collect-command.js");
        return await collectCommand(values, positionals, io);
      }
      default:
        throw new UsageError(`unknown command "${command}" (try: logfeat --help)`);
    }
  } catch (error) {
    return reportError(error, io);
  }
}

function help(io: CommandIo): number {
  io.stdout.write(HELP);
  return EXIT.ok;
}

/** One line on stderr and the exit code for an error that reached the top. */
function reportError(error: unknown, io: CommandIo): number {
  if (error instanceof UsageError) {
    io.stderr.write(`logfeat: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof ConfigError || (LogfeatError.isInstance(error) && "option" in error)) {
    const option = (error as ConfigError).option;
    const flag = FLAG_FOR_OPTION[option];
    const message = flag === undefined ? error.message : `${flag}: ${error.message}`;
    io.stderr.write(`logfeat: ${message}\n`);
    return EXIT.usage;
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (
    LogfeatError.isInstance(error) ||
    code === "ENOENT" ||
    code === "EACCES" ||
    code === "EISDIR"
  ) {
    io.stderr.write(`logfeat: ${(error as Error).message}\n`);
    return EXIT.usage;
  }
  io.stderr.write(
    `logfeat: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT.internal;
}
