import { BenchHubError } from '../errors/benchhub-error.js';

/**
 * A spending cap shared by concurrent calls: a call reserves its worst-case cost before it is sent and
 * settles with its real cost after, so spent + reserved never passes the cap.
 *
 * @example
 * ```ts
 * const budget = new BudgetLedger(5);
 * if (budget.tryReserve(0.01)) { const spent = await call(); budget.settle(0.01, spent); }
 * ```
 */
export class BudgetLedger {
  /** The cap in US dollars. */
  readonly capUsd: number;
  private spent = 0;
  private reserved = 0;

  constructor(capUsd: number) {
    if (!(Number.isFinite(capUsd) && capUsd >= 0)) {
      throw new BenchHubError(`budgetUsd must be a finite number >= 0, got ${capUsd}`);
    }
    this.capUsd = capUsd;
  }

  /** Money spent by settled calls. */
  get spentUsd(): number {
    return this.spent;
  }

  /** Money held by calls in flight. */
  get reservedUsd(): number {
    return this.reserved;
  }

  /** Reserves `usd` when it fits under the cap with everything spent and reserved; false otherwise. */
  tryReserve(usd: number): boolean {
    if (this.spent + this.reserved + usd > this.capUsd) return false;
    this.reserved += usd;
    return true;
  }

  /** Ends a reservation: `reservedUsd` is given back and `actualUsd` (0 for a failed call) is spent. */
  settle(reservedUsd: number, actualUsd: number): void {
    this.reserved = Math.max(0, this.reserved - reservedUsd);
    this.spent += actualUsd;
  }
}
