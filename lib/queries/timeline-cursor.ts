// The timeline merges two newest-first streams (our operations from the store, ECS service deployments
// from AWS), so its cursor holds a position in each: where the next page of operations starts (the
// store's own keyset cursor) and the last ECS deployment shown. "done" means that stream is exhausted.
import { z } from "zod";
import { BadRequestError } from "@/lib/errors";

export interface EcsPosition {
  /** Epoch ms of the last ECS deployment shown. */
  at: number;
  arn: string;
}

export interface TimelineCursor {
  /** The store's cursor of the next operations page; null: from the newest. */
  operations: string | null | "done";
  /** Older than this; null: from the newest. */
  ecs: EcsPosition | null | "done";
}

const START: TimelineCursor = { operations: null, ecs: null };

const cursorSchema = z.strictObject({
  o: z.union([z.literal("done"), z.string().min(1).max(1000), z.null()]),
  e: z.union([z.literal("done"), z.tuple([z.number().int().nonnegative(), z.string().min(1).max(1000)]), z.null()]),
});

export function encodeTimelineCursor(cursor: TimelineCursor): string {
  const e = cursor.ecs === null || cursor.ecs === "done" ? cursor.ecs : [cursor.ecs.at, cursor.ecs.arn];
  return Buffer.from(JSON.stringify({ o: cursor.operations, e })).toString("base64url");
}

/** The position a `cursor` query parameter points at; the start for none; 400 for anything this server did not issue. */
export function decodeTimelineCursor(text: string | undefined): TimelineCursor {
  if (text === undefined) return START;
  try {
    const { o, e } = cursorSchema.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return { operations: o, ecs: Array.isArray(e) ? { at: e[0], arn: e[1] } : e };
  } catch {
    throw new BadRequestError("cursor: not a timeline cursor; follow the page links (or nextCursor) unchanged");
  }
}
