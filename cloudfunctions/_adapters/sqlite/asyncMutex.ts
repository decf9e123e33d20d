/**
 * A FIFO async mutex. better-sqlite3 is synchronous and the process shares one connection, so while a
 * transaction's async function awaits, every other operation must wait outside the open SQLite
 * transaction instead of silently joining it (and being rolled back with it).
 */
export class AsyncMutex {
  private locked = false;
  private readonly waiters: Array<() => void> = [];

  /** Runs `fn` alone. When the mutex is free, a synchronous `fn` runs at once, in the caller's tick. */
  async run<T>(fn: () => T | Promise<T>): Promise<T> {
    if (this.locked) await new Promise<void>((resolve) => this.waiters.push(resolve));
    else this.locked = true;
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  private release(): void {
    const next = this.waiters.shift();
    // Ownership passes straight to the next waiter, so nobody can slip in between.
    if (next) next();
    else this.locked = false;
  }
}
