// How many AWS calls the sandbox received, per operation, and what became of them. Calls are counted
// before faults apply, so a benchmark sees exactly what its client sent, retries included.
export interface OperationCounts {
  calls: number;
  throttled: number;
  /** Injected 500 ServerExceptions. */
  injectedErrors: number;
  dropped: number;
  /** AWS errors the operation itself returned (not found, invalid parameter, …). */
  errors: number;
}

export type CountKind = keyof OperationCounts;

export interface CountersSnapshot {
  total: OperationCounts;
  operations: Record<string, OperationCounts>;
}

const zero = (): OperationCounts => ({ calls: 0, throttled: 0, injectedErrors: 0, dropped: 0, errors: 0 });

export class CallCounters {
  private byOperation = new Map<string, OperationCounts>();

  record(operation: string, kind: CountKind): void {
    let counts = this.byOperation.get(operation);
    if (!counts) {
      counts = zero();
      this.byOperation.set(operation, counts);
    }
    counts[kind] += 1;
  }

  snapshot(): CountersSnapshot {
    const total = zero();
    const operations: Record<string, OperationCounts> = {};
    for (const [operation, counts] of [...this.byOperation].sort(([a], [b]) => a.localeCompare(b))) {
      operations[operation] = { ...counts };
      for (const kind of Object.keys(total) as CountKind[]) total[kind] += counts[kind];
    }
    return { total, operations };
  }

  reset(): void {
    this.byOperation.clear();
  }
}
