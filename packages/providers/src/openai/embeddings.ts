import type { CreateEmbeddingResponse, EmbeddingCreateParams } from 'openai/resources/embeddings';

/** Splits `items` into consecutive batches of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The embeddings body of one batch. `encoding_format: 'float'` is sent explicitly: the SDK would
 * otherwise ask for base64, which not every compatible server implements.
 */
export function toEmbeddingBody(model: string, texts: readonly string[]): EmbeddingCreateParams {
  return { model, input: [...texts], encoding_format: 'float' };
}

/** A vector as numbers: a float array as is, a base64 string (a server that ignored the format) decoded. */
function toVector(embedding: unknown): number[] | undefined {
  if (Array.isArray(embedding)) return embedding.every((x) => typeof x === 'number') ? embedding : undefined;
  if (typeof embedding === 'string') {
    const bytes = Buffer.from(embedding, 'base64');
    return Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.length / 4)));
  }
  return undefined;
}

/**
 * The vectors of one batch response in the order of its inputs (the response's `index` decides, not
 * the order of `data`), or a description of what is wrong with the response.
 */
export function orderedVectors(response: CreateEmbeddingResponse, expected: number): number[][] | string {
  const data = Array.isArray(response?.data) ? [...response.data] : [];
  if (data.length !== expected) return `the server returned ${data.length} embeddings for ${expected} texts`;
  data.sort((a, b) => a.index - b.index);
  const vectors: number[][] = [];
  for (const item of data) {
    const vector = toVector(item.embedding);
    if (vector === undefined) return 'an embedding in the response is not a list of numbers';
    vectors.push(vector);
  }
  return vectors;
}
