import { describe, expect, it } from 'vitest';
import { normaliseText, segment } from './segment.js';

describe('normalising text', () => {
  it('folds full-width to half-width, lower-cases latin and collapses digit runs', () => {
    expect(normaliseText('ＷｉＦｉ信号差，２０１９年６月　共１２户')).toBe('wifi信号差,0年0月 共0户');
  });
  it('drops the _x000D_ that Excel writes for a carriage return', () => {
    expect(normaliseText('小区停水_x000D_\n已经三天')).toBe('小区停水 \n已经三天');
  });
});

describe('segmenting into topic words', () => {
  it('cuts with jieba and drops punctuation, spaces and stop words', () => {
    const words = segment('您好，请问一下我们小区的电梯已经坏了三个月了，物业一直不修！谢谢');
    expect(words).toContain('小区');
    expect(words).toContain('电梯');
    expect(words).toContain('物业');
    for (const dropped of ['您好', '请问', '一下', '我们', '的', '了', '已经', '谢谢', '，', '！']) expect(words).not.toContain(dropped);
  });
  it('keeps negations, which carry the complaint', () => {
    expect(segment('工资不发').join('')).toContain('不');
  });
  it('gives the same words for a message as typed and as stripped of its stop words', () => {
    expect(segment('你好，我们小区的垃圾没人清运，非常臭')).toEqual(segment('小区垃圾没人清运臭'));
  });
  it('has nothing to say about an empty or all-punctuation text', () => {
    expect(segment('')).toEqual([]);
    expect(segment('，。！？   ')).toEqual([]);
  });
});
