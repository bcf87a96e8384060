import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** One function's share of a CPU profile. */
export interface SelfTimeEntry {
  /** `name (file:line)`, file relative to the repository when inside it. */
  location: string;
  /** Self time, milliseconds. */
  selfMs: number;
  /** Share of all sampled time, 0..1. */
  share: number;
}

/** A CPU profile's self time: per function, and per package / runtime bucket. */
export interface ProfileSummary {
  /** Sampled milliseconds in all. */
  totalMs: number;
  functions: SelfTimeEntry[];
  /** Self time grouped by `packages/<name>`, `apps/<name>`, `node_modules/<name>`, `node:` internals, GC, idle. */
  groups: SelfTimeEntry[];
}

function groupOf(file: string, functionName: string): string {
  const match = /^\/?((?:packages|apps)\/[^/]+)\//.exec(file);
  if (match?.[1] !== undefined) return match[1];
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(
    file,
  );
  if (dependency?.[1] !== undefined) return dependency[1];
  if (file.startsWith("node:")) return "node: internals";
  if (file === "") return functionName.startsWith("(") ? functionName : "native (builtins, regex)";
  return "other";
}

/**
 * The functions of a `node --cpu-prof` profile ordered by self time (time
 * spent in the function itself, not in what it calls), the `limit` largest.
 * Samples are weighted by their time deltas; `(idle)`/`(program)` and
 * `(garbage collector)` are kept, they are part of the picture. Also groups
 * the self time by package.
 */
export function summarizeCpuProfile(
  path: string,
  repository: string,
  limit: number,
): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<string, number>();
  const groupMicros = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const node = byId.get(id);
    if (node === undefined) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^file:\/\//, "").replace(repository, "");
    const location = `${functionName || "(anonymous)"}${file === "" ? "" : ` (${file}:${lineNumber + 1})`}`;
    selfMicros.set(location, (selfMicros.get(location) ?? 0) + delta);
    const group = groupOf(file, functionName);
    groupMicros.set(group, (groupMicros.get(group) ?? 0) + delta);
    total += delta;
  });
  const ranked = (micros: Map<string, number>, count: number): SelfTimeEntry[] =>
    [...micros.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([location, value]) => ({
        location,
        selfMs: value / 1000,
        share: total === 0 ? 0 : value / total,
      }));
  return {
    totalMs: total / 1000,
    functions: ranked(selfMicros, limit),
    groups: ranked(groupMicros, groupMicros.size),
  };
}
