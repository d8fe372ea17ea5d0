import { describe, expect, it } from 'vitest';
import { createProgressBar, duration } from './progress.js';

function fakeStream(isTTY: boolean) {
  const out = { isTTY, text: '', write: (s: string) => ((out.text += s), true) };
  return out as typeof out & NodeJS.WriteStream;
}

describe('createProgressBar', () => {
  it('redraws one line on a terminal, with counts, speed and time left', () => {
    let now = 0;
    const stream = fakeStream(true);
    const bar = createProgressBar(stream, 1_630_000, '人口', { now: () => now });
    now = 135_000;
    bar.update(729_000, '错误 12 行');
    expect(stream.text).toBe('\r人口 [#########-----------] 44% 729,000/1,630,000 rows 5,400/s ETA 2m47s 错误 12 行\x1b[K');
    now += 50;
    bar.update(729_500); // within 100 ms: not drawn again
    expect(stream.text.split('\r')).toHaveLength(2);
    bar.finish('完成：1,630,000 行');
    expect(stream.text.endsWith('\n人口 完成：1,630,000 行\n')).toBe(true);
  });

  it('writes a plain line every 10% in a log', () => {
    let now = 0;
    const stream = fakeStream(false);
    const bar = createProgressBar(stream, 1000, '房屋', { now: () => ++now * 10 });
    for (let done = 1; done <= 1000; done++) bar.update(done);
    bar.finish('完成');
    const lines = stream.text.trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(/^房屋 \[##----*\] 10% 100\/1,000 rows /);
    expect(lines[9]).toMatch(/100% 1,000\/1,000 rows [\d,]+\/s$/);
    expect(stream.text).not.toContain('\r');
  });

  it('copes with an unknown total', () => {
    const stream = fakeStream(false);
    const bar = createProgressBar(stream, 0, '单位', { unit: 'bytes' });
    bar.update(5000);
    bar.finish('完成');
    expect(stream.text).toBe('单位 完成\n');
  });
});

describe('duration', () => {
  it('reads like 2m10s', () => {
    expect(duration(42)).toBe('42s');
    expect(duration(130)).toBe('2m10s');
    expect(duration(3900)).toBe('1h05m');
  });
});
