/** A FIFO of items with O(1) push, unshift and shift (an array with a moving head). */
class Deque<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  unshift(item: T): void {
    if (this.head > 0) this.items[--this.head] = item;
    else this.items.unshift(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

/**
 * Waiting jobs ordered by priority (lower first), first in first out within one priority. Items that
 * stopped waiting (cancelled) stay in the line until `take` meets them and skips them.
 *
 * @example
 * ```ts
 * const line = new JobLine<{ id: string }>();
 * line.add({ id: 'a' }, 5); line.add({ id: 'b' }, 0);
 * line.take(() => true); // { id: 'b' }
 * ```
 */
export class JobLine<T> {
  private readonly buckets = new Map<number, Deque<T>>();
  /** Priorities that have a bucket, ascending. */
  private readonly priorities: number[] = [];

  /** Puts an item at the back of its priority (at the front with `first`, for a job handed back). */
  add(item: T, priority: number, first = false): void {
    let bucket = this.buckets.get(priority);
    if (bucket === undefined) {
      bucket = new Deque<T>();
      this.buckets.set(priority, bucket);
      let i = this.priorities.length;
      while (i > 0 && (this.priorities[i - 1] as number) > priority) i--;
      this.priorities.splice(i, 0, priority);
    }
    if (first) bucket.unshift(item);
    else bucket.push(item);
  }

  /** Removes and returns the first item for which `isLive` holds, dropping the stale ones before it. */
  take(isLive: (item: T) => boolean): T | undefined {
    for (const priority of this.priorities) {
      const bucket = this.buckets.get(priority) as Deque<T>;
      while (bucket.size > 0) {
        const item = bucket.shift() as T;
        if (isLive(item)) return item;
      }
    }
    return undefined;
  }

  /** Forgets every item. */
  clear(): void {
    this.buckets.clear();
    this.priorities.length = 0;
  }
}
