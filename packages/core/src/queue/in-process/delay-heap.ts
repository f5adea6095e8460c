/** An item with the instant it becomes ready and a sequence number that keeps equal instants in order. */
export interface Timed {
  /** Epoch milliseconds at which the item is due. */
  readyAt: number;
  /** Tie-breaker: lower first. */
  seq: number;
}

function before(a: Timed, b: Timed): boolean {
  return a.readyAt < b.readyAt || (a.readyAt === b.readyAt && a.seq < b.seq);
}

/**
 * A binary min-heap of delayed items, earliest `readyAt` first.
 *
 * @example
 * ```ts
 * const heap = new DelayHeap<Timed>();
 * heap.push({ readyAt: 20, seq: 1 }); heap.push({ readyAt: 10, seq: 2 });
 * heap.peek()?.readyAt; // 10
 * ```
 */
export class DelayHeap<T extends Timed> {
  private readonly items: T[] = [];

  /** How many items are held. */
  get size(): number {
    return this.items.length;
  }

  /** The earliest item, without removing it. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Adds an item. */
  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, items[parent] as T)) break;
      items[i] = items[parent] as T;
      i = parent;
    }
    items[i] = item;
  }

  /** Removes and returns the earliest item. */
  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && before(items[right] as T, items[left] as T) ? right : left;
      if (!before(items[child] as T, last)) break;
      items[i] = items[child] as T;
      i = child;
    }
    items[i] = last;
    return top;
  }

  /** Forgets every item. */
  clear(): void {
    this.items.length = 0;
  }
}
