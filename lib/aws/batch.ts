// Splits a list into API-sized batches (10 services per DescribeServices, 100 tasks per DescribeTasks…).
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
