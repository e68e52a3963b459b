import { notFound } from "next/navigation";
import { describeError, NotFoundError, type UserFacingError } from "@/lib/errors";

export type Loaded<T> = { ok: true; view: T } | { ok: false; error: UserFacingError };

/**
 * Awaits a page's query. A missing environment/cluster/service/repository/image becomes Next's 404
 * (app/not-found.tsx names it); AWS being unavailable (throttled, unreachable, access denied)
 * becomes an explained error the page renders, so the user sees what happened instead of a 500.
 * Every other error of lib/errors renders the same way, through its one mapping.
 */
export async function loadView<T>(query: Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, view: await query };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    const described = describeError(error);
    if (described) return { ok: false, error: described.userFacing };
    throw error;
  }
}
