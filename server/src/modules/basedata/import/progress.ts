/**
 * A one-line progress bar for the import command:
 *   人口 [#########-----------] 45% 730,000/1,630,000 rows 5,400/s ETA 2m10s
 * On a terminal the line is redrawn in place (\r), at most every 100 ms; in a log (CI, nohup, a
 * pipe) a plain line is written at every 10%, since \r would pile up into one endless line.
 */

export interface ProgressBar {
  /** `done` units so far; `extra` is appended (e.g. '错误 1,203 行'). Cheap to call for every row. */
  update(done: number, extra?: string): void;
  /** Ends the bar with a final line such as '完成：1,630,000 行，用时 5m02s'. */
  finish(summary: string): void;
}

export interface ProgressOptions {
  /** What is counted; 'rows' unless said otherwise (e.g. 'bytes' when only file size is known). */
  unit?: string;
  now?: () => number;
}

const width = 20;
const redrawMs = 100;
const number = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

export function createProgressBar(stream: NodeJS.WriteStream, total: number, label: string, options: ProgressOptions = {}): ProgressBar {
  const { unit = 'rows', now = Date.now } = options;
  const started = now();
  const tty = stream.isTTY === true;
  let lastDraw = -Infinity;
  let lastDecile = 0;
  let lastDone = 0;

  const line = (done: number, extra?: string) => {
    const seconds = (now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const parts = [label];
    if (total > 0) {
      const fraction = Math.min(1, done / total);
      const filled = Math.round(fraction * width);
      parts.push(`[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`, `${Math.floor(fraction * 100)}%`, `${number.format(done)}/${number.format(total)} ${unit}`);
    } else {
      parts.push(`${number.format(done)} ${unit}`); // total unknown: counts and speed only
    }
    if (rate > 0) parts.push(`${number.format(rate)}/s`);
    if (total > 0 && rate > 0 && done < total) parts.push(`ETA ${duration((total - done) / rate)}`);
    if (extra) parts.push(extra);
    return parts.join(' ');
  };

  return {
    update(done, extra) {
      lastDone = done;
      if (tty) {
        const t = now();
        if (t - lastDraw < redrawMs && (total <= 0 || done < total)) return;
        lastDraw = t;
        stream.write(`\r${line(done, extra)}\x1b[K`);
        return;
      }
      const decile = total > 0 ? Math.floor((Math.min(done, total) / total) * 10) : 0;
      if (decile > lastDecile) {
        lastDecile = decile;
        stream.write(`${line(done, extra)}\n`);
      }
    },
    finish(summary) {
      if (tty) stream.write(`\r${line(lastDone)}\x1b[K\n`);
      stream.write(`${label} ${summary}\n`);
    },
  };
}

/** 130 → '2m10s', 3900 → '1h05m', 42 → '42s'. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
