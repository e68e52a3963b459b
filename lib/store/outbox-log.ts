// The delivery log of the admin page: one target's deliveries, newest first, keyset-paginated on
// (created_at, id) like the timeline, and how many of each status it has.
import { z } from "zod";
import { deliveryFromRow } from "./outbox";
import { parseInput } from "./input";
import type { OutboxDelivery, OutboxStatus } from "./outbox-types";
import type { StoreDb } from "./types";

export const MAX_DELIVERY_PAGE = 100;

const cursorSchema = z.object({ at: z.iso.datetime(), id: z.string().min(1).max(100) });

function encodeCursor(d: OutboxDelivery): string {
  return Buffer.from(JSON.stringify({ at: d.createdAt.toISOString(), id: d.id })).toString("base64url");
}

function decodeCursor(cursor: string): z.infer<typeof cursorSchema> {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    raw = undefined;
  }
  return parseInput(cursorSchema, raw, "cursor");
}

export interface DeliveryPage {
  deliveries: OutboxDelivery[];
  nextCursor?: string;
}

export async function listDeliveries(db: StoreDb, targetId: string, page: { limit: number; cursor?: string }): Promise<DeliveryPage> {
  const limit = parseInput(z.number().int().min(1).max(MAX_DELIVERY_PAGE), page.limit, "limit");
  let query = db.selectFrom("notification_outbox").selectAll().where("target_id", "=", targetId);
  if (page.cursor) {
    const { at, id } = decodeCursor(page.cursor);
    query = query.where((eb) => eb.or([eb("created_at", "<", at), eb.and([eb("created_at", "=", at), eb("id", "<", id)])]));
  }
  const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(limit + 1).execute();
  const deliveries = rows.slice(0, limit).map(deliveryFromRow);
  const last = deliveries.at(-1);
  return { deliveries, ...(rows.length > limit && last && { nextCursor: encodeCursor(last) }) };
}

/** Deliveries per status for each target (the page's summary). */
export async function deliveryCounts(db: StoreDb): Promise<Map<string, Record<OutboxStatus, number>>> {
  const rows = await db
    .selectFrom("notification_outbox")
    .select((eb) => ["target_id", "status", eb.fn.countAll<string | number>().as("n")])
    .groupBy(["target_id", "status"])
    .execute();
  const out = new Map<string, Record<OutboxStatus, number>>();
  for (const row of rows) {
    const counts = out.get(row.target_id) ?? { pending: 0, delivered: 0, failed: 0 };
    counts[row.status as OutboxStatus] = Number(row.n);
    out.set(row.target_id, counts);
  }
  return out;
}
