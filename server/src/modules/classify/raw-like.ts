import { chance, pick, seededRandom, type Rng } from '../../platform/random.js';
import { cutWords } from './segment.js';

/**
 * The training file's stop words were stripped; citizens type them. To measure what the model does
 * on text as typed, put them back: between jieba words, at random but reproducibly (seeded per
 * message), insert function words, particles, filler phrases and punctuation, and wrap the message
 * in a greeting and a closing. The result reads like a (slightly odd) message as typed, and the
 * words land where jieba will cut the text differently than in the stripped version — which is
 * exactly what the model must survive.
 */
const fillers = [
  '的', '的', '的', '了', '了', '是', '在', '我', '我们', '你好', '请问', '一下', '这个', '那个', '非常', '已经', '就', '都', '还', '也', '吧', '呢', '啊',
  // also some the stop-word list does not drop, so the measure is not only the list's echo
  '真的', '实在', '一直', '现在', '有', '没有', '大家', '他们', '但是', '因为', '所以', '然后',
];
const punctuation = ['，', '，', '。', '！', '、', '？', '…'];
const greetings = ['您好，', '你好！', '尊敬的领导：', '领导您好，', '请问一下，', ''];
const closings = ['谢谢！', '谢谢。', '希望尽快解决，谢谢！', '盼复。', '麻烦了。', ''];

export interface RawLikeOptions {
  /** Chance of a filler word at each word boundary. */
  wordRate: number;
  /** Chance of a punctuation mark at each word boundary. */
  punctuationRate: number;
}

const defaults: RawLikeOptions = { wordRate: 0.25, punctuationRate: 0.08 };

export function rawLike(text: string, seed: string, options: Partial<RawLikeOptions> = {}): string {
  const { wordRate, punctuationRate } = { ...defaults, ...options };
  const rng: Rng = seededRandom(seed);
  const words = cutWords(text);
  let out = pick(rng, greetings);
  words.forEach((w, i) => {
    out += w;
    if (i + 1 === words.length) return;
    if (chance(rng, wordRate)) out += pick(rng, fillers);
    if (chance(rng, punctuationRate)) out += pick(rng, punctuation);
  });
  return out + pick(rng, closings);
}
