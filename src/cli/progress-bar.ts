import cliProgress from 'cli-progress';

/**
 * A progress bar on stderr for the first index build; silent when stderr is
 * not a terminal (pipes, CI) except for one start and one end line.
 */
export function createProgressReporter(
  label: string,
  stream: NodeJS.WritableStream & { readonly isTTY?: boolean } = process.stderr,
): { update(done: number, total: number): void; stop(): void } {
  if (!stream.isTTY) {
    let announced: boolean | 'done' = false;
    return {
      update(done, total) {
        if (!announced) {
          stream.write(`${label}: building the search index (first run, or knowledge/ changed)...\n`);
          announced = true;
        }
        if (done >= total && announced !== 'done') {
          stream.write(`${label}: index ready.\n`);
          announced = 'done';
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} |{bar}| {percentage}% {value}/{total}`, stream, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
