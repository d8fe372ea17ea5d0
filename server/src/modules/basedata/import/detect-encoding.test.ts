import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from './detect-encoding.js';

const text = '姓名,身份证号,现住址\n张三,370303199001011234,淄博市张店区马尚街道\n';

describe('detectEncoding', () => {
  it('takes a UTF-8 BOM at its word', () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n')]))).toBe('utf-8');
  });
  it('recognises UTF-8 without BOM, and plain ASCII', () => {
    expect(detectEncoding(Buffer.from(text))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('name,id\n1,2\n'))).toBe('utf-8');
    expect(detectEncoding(Buffer.alloc(0))).toBe('utf-8');
  });
  it('reads GBK as GB18030', () => {
    expect(detectEncoding(iconv.encode(text, 'gbk'))).toBe('gb18030');
  });
  it('does not mistake a sample cut inside a UTF-8 character for GBK', () => {
    const bytes = Buffer.from(text);
    for (let cut = 1; cut <= 3; cut++) {
      const sample = bytes.subarray(0, bytes.indexOf(Buffer.from('马')) + cut);
      expect(detectEncoding(sample), `cut after ${cut} byte(s) of 马`).toBe('utf-8');
    }
  });
  it('uses gb18030 because TextDecoder("gbk") drops four-byte characters (here: 𠀀, U+20000)', () => {
    const bytes = iconv.encode('𠀀', 'gb18030');
    expect(bytes).toHaveLength(4);
    expect(new TextDecoder('gb18030').decode(bytes)).toBe('𠀀');
    expect(new TextDecoder('gbk').decode(bytes)).not.toBe('𠀀');
  });
});
