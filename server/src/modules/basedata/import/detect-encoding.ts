/**
 * UTF-8 or GBK? Department exports carry no label, so we look at the bytes. Valid UTF-8 is very
 * unlikely to happen by chance in GBK text with Chinese in it (every GBK lead byte 0x81–0xFE would
 * need the right continuation bytes), so "decodes as UTF-8" is a reliable test on a sample of a few
 * kilobytes. Everything else is read as GB18030, the superset of GBK and GB2312.
 *
 * Node's TextDecoder('gbk') is not GB18030: it leaves the four-byte sequences (rare characters in
 * names, e.g. 0x81308130) as U+FFFD, whereas TextDecoder('gb18030') decodes them.
 */

export type TextEncodingName = 'utf-8' | 'gb18030';

const utf8Bom = [0xef, 0xbb, 0xbf];

export function detectEncoding(sample: Buffer): TextEncodingName {
  if (utf8Bom.every((b, i) => sample[i] === b)) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(withoutCutSequence(sample));
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/**
 * The sample is usually a prefix of the file, so its last character may be cut in the middle:
 * drop an incomplete UTF-8 sequence at the end instead of calling the whole sample invalid.
 */
function withoutCutSequence(sample: Buffer): Buffer {
  for (let back = 1; back <= 3 && back <= sample.length; back++) {
    const byte = sample[sample.length - back]!;
    if (byte < 0x80) return sample; // ASCII: nothing is cut
    if (byte >= 0xc0) {
      // a lead byte: is its sequence complete?
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length > back ? sample.subarray(0, sample.length - back) : sample;
    }
    // a continuation byte: keep looking for its lead byte
  }
  return sample;
}

/** Whether the bytes hold anything but ASCII, i.e. whether they can tell UTF-8 from GBK at all. */
export function hasNonAscii(bytes: Buffer): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}
