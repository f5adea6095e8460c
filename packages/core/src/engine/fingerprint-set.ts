import { fnv1a32 } from '../text/fnv1a.js';

/** A second 32-bit hash, independent of FNV-1a's structure (multiply-xorshift per code unit). */
function mix32(text: string): number {
  let h = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A set of strings that remembers only a 64-bit fingerprint of each (8 bytes per entry, in typed arrays),
 * for checking that a million sample ids are unique without holding them. `add` answers `false` when the
 * fingerprint was seen: the string was added before, or (with odds of about n²/2⁶⁵) another string shares
 * its fingerprint. Callers confirm such a "maybe seen" exactly (see the census of a run's samples).
 */
export class FingerprintSet {
  private high = new Uint32Array(1024);
  private low = new Uint32Array(1024);
  /** Whether a slot is taken (a fingerprint may be 0). */
  private used = new Uint8Array(1024);
  private count = 0;

  /** Adds `text`; `false` when its fingerprint was already present. */
  add(text: string): boolean {
    if (this.count * 2 >= this.used.length) this.grow();
    return this.insert(fnv1a32(text), mix32(text));
  }

  /** Entries added. */
  get size(): number {
    return this.count;
  }

  private insert(high: number, low: number): boolean {
    const mask = this.used.length - 1;
    for (let slot = (high ^ Math.imul(low, 0x27d4eb2d)) & mask; ; slot = (slot + 1) & mask) {
      if (this.used[slot] === 0) {
        this.used[slot] = 1;
        this.high[slot] = high;
        this.low[slot] = low;
        this.count++;
        return true;
      }
      if (this.high[slot] === high && this.low[slot] === low) return false;
    }
  }

  private grow(): void {
    const { high, low, used } = this;
    this.high = new Uint32Array(used.length * 2);
    this.low = new Uint32Array(used.length * 2);
    this.used = new Uint8Array(used.length * 2);
    this.count = 0;
    for (let i = 0; i < used.length; i++) if (used[i] === 1) this.insert(high[i]!, low[i]!);
  }
}
