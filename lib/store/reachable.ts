// Whether the store answers at all. The deploy verbs check it before anything else, so an unreachable
// database (down, or closed during shutdown) is refused with a clear 503 instead of failing half-way
// with the driver's own words.
import { sql } from "kysely";
import { StoreUnavailableError } from "@/lib/errors";
import type { Store } from "./store";

/** Resolves when `store` answers a trivial query; throws StoreUnavailableError otherwise. */
export async function assertReachable(store: Store): Promise<void> {
  try {
    await sql`select 1`.execute(store.db);
  } catch (error) {
    throw new StoreUnavailableError(error);
  }
}
