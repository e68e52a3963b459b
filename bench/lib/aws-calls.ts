// AWS call counts per operation, read from the sandbox's counters around a measured step.
import type { SandboxControl } from "../../tests/support/sandbox-control";

export type CallCounts = Record<string, number>;

export async function countCalls(control: SandboxControl, step: () => Promise<void>): Promise<CallCounts> {
  await control.resetCounters();
  await step();
  const counters = await control.counters();
  return Object.fromEntries(
    Object.entries(counters.operations)
      .filter(([, c]) => c.calls > 0)
      .map(([operation, c]) => [operation, c.calls])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
}

export const totalCalls = (counts: CallCounts) => Object.values(counts).reduce((sum, n) => sum + n, 0);

export function formatCalls(counts: CallCounts): string {
  const entries = Object.entries(counts);
  return entries.length === 0 ? "none" : entries.map(([op, n]) => `${op}×${n}`).join(" ");
}
