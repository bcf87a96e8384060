#!/usr/bin/env node
import { prestartWorkers } from "@logfeat/pipeline/workers";
import { requestedWorkerThreads } from "./requested-workers.js";

// A run with --workers N starts its N - 1 worker threads before the commands'
// modules load, so both load at once (about 0.2 s each on this machine).
const args = process.argv.slice(2);
prestartWorkers(requestedWorkerThreads(args));
const { main } = await import("./commands.js");
process.exitCode = await main(args, {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
