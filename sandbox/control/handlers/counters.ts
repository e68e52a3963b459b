// GET|DELETE /_sandbox/counters: AWS calls received per operation (benchmarks assert call budgets).
import type { ControlRequest } from "../request";

export function getCounters({ runtime }: ControlRequest): unknown {
  return runtime.counters.snapshot();
}

export function deleteCounters({ runtime }: ControlRequest): unknown {
  runtime.counters.reset();
  return runtime.counters.snapshot();
}
