import type { PipelineProgress } from "@logfeat/pipeline";

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

function compact(count: number): string {
  if (count >= 1_000_000) return `${(count / 1_000_000).toFixed(2)}M`;
  if (count >= 10_000) return `${Math.round(count / 1000)}k`;
  return String(count);
}

/** One progress line: bytes read (of total), records, records/s and, for files, an ETA. */
export function formatProgress(progress: PipelineProgress): string {
  const seconds = progress.elapsedMs / 1000;
  const rate = seconds > 0 ? progress.records / seconds : 0;
  const parts = [
    progress.totalBytes === null
      ? `read ${megabytes(progress.bytesRead)}`
      : `read ${megabytes(progress.bytesRead)} / ${megabytes(progress.totalBytes)} (${Math.min(100, Math.floor((progress.bytesRead / Math.max(1, progress.totalBytes)) * 100))}%)`,
    `${compact(progress.records)} records`,
    `${compact(Math.round(rate))} rec/s`,
  ];
  if (progress.totalBytes !== null && progress.bytesRead > 0 && seconds > 0) {
    const remaining = ((progress.totalBytes - progress.bytesRead) / progress.bytesRead) * seconds;
    parts.push(`ETA ${Math.max(0, Math.ceil(remaining))}s`);
  }
  return parts.join(" · ");
}

/**
 * A progress reporter for stderr: redraws one line at most every 200 ms when
 * stderr is a terminal, and does nothing otherwise (pipes, files, CI).
 */
export function createProgressReporter(stream: NodeJS.WriteStream, enabled: boolean) {
  const active = enabled && stream.isTTY === true;
  let lastDraw = 0;
  let drawn = false;
  return {
    update(progress: PipelineProgress): void {
      if (!active) return;
      const now = performance.now();
      if (now - lastDraw < 200) return;
      lastDraw = now;
      drawn = true;
      stream.write(`\r\x1b[2K${formatProgress(progress)}`);
    },
    done(): void {
      if (active && drawn) stream.write("\r\x1b[2K");
    },
  };
}
