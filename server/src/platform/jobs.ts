import type { Logger } from 'pino';

/**
 * Runs `run` every `seconds` in this process, one run at a time, logging what it reports and what
 * fails; returns a stop function that waits for a run in progress. The jobs keep their state in the
 * database (claimed with SKIP LOCKED), so a restart loses nothing and several processes may run them.
 */
export function startPeriodicJob<T>(
  name: string,
  seconds: number,
  run: () => Promise<T>,
  logger: Logger,
  /** whether a result is worth a log line (a scan that found nothing is not) */
  worthLogging: (result: T) => boolean = () => true,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(run).then(
      (result) => worthLogging(result) && logger.info({ job: name, result }, name),
      (error: unknown) => logger.error({ err: error, job: name }, `${name} failed`),
    );
  }, seconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
