const MAX_ENTRIES = 100;

/**
 * Answers of recent queries, newest last, so going Back or returning to a
 * page shows its numbers at once. Bounded; cleared when the data changes.
 */
class QueryCache {
  private readonly entries = new Map<string, { at: number; data: unknown }>();

  get<TData>(
    key: string,
    maxAgeMs: number,
    now = Date.now(),
  ): TData | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.at > maxAgeMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.data as TData;
  }

  set(key: string, data: unknown, now = Date.now()): void {
    this.entries.delete(key);
    this.entries.set(key, { at: now, data });
    while (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

export const queryCache = new QueryCache();

/** Forget every cached answer, e.g. after an import changed the encounters. */
export function clearQueryCache(): void {
  queryCache.clear();
}
