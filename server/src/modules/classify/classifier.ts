import zlib from 'node:zlib';
import { termsOf, Vectoriser } from './features.js';
import { segment } from './segment.js';
import { predictProbabilities, type SoftmaxModel } from './softmax.js';

export interface Classification {
  label: string;
  confidence: number;
  /** Every label, most likely first (the first is `label`). */
  ranked: Array<{ label: string; confidence: number }>;
}

/** A trained text classifier: segmentation, vocabulary with idf, and the softmax weights. */
export class TextClassifier {
  constructor(
    readonly labels: readonly string[],
    readonly vectoriser: Vectoriser,
    readonly model: SoftmaxModel,
  ) {}

  classify(text: string): Classification {
    const probabilities = predictProbabilities(this.model, this.vectoriser.transform(termsOf(segment(text))));
    const ranked = this.labels.map((label, i) => ({ label, confidence: probabilities[i]! })).sort((a, b) => b.confidence - a.confidence);
    return { label: ranked[0]!.label, confidence: ranked[0]!.confidence, ranked };
  }

  /**
   * A compact, versioned form for the database: JSON for the labels and terms, the numbers as
   * base64 float32 arrays, all gzipped (about 1/4 of the raw size; the terms compress well).
   */
  serialise(): Buffer {
    const f32 = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
    const body = {
      format: 'gongzhi-softmax-1',
      labels: this.labels,
      terms: this.vectoriser.terms,
      idf: f32(this.vectoriser.idf),
      weights: f32(this.model.weights),
      bias: f32(this.model.bias),
    };
    return zlib.gzipSync(JSON.stringify(body));
  }

  static deserialise(bytes: Uint8Array): TextClassifier {
    const body = JSON.parse(zlib.gunzipSync(bytes).toString('utf8')) as { format: string; labels: string[]; terms: string[]; idf: string; weights: string; bias: string };
    if (body.format !== 'gongzhi-softmax-1') throw new Error(`unknown classifier format ${body.format}`);
    const f32 = (b64: string) => {
      const buf = Buffer.from(b64, 'base64');
      // copy into an aligned buffer: a Buffer's slice of the pool may not start on a 4-byte boundary
      return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    };
    const vectoriser = new Vectoriser(body.terms, f32(body.idf));
    const model: SoftmaxModel = { labelCount: body.labels.length, featureCount: body.terms.length, weights: f32(body.weights), bias: f32(body.bias) };
    return new TextClassifier(body.labels, vectoriser, model);
  }
}
