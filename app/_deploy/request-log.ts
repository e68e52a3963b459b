// Server actions have no Request object: the request id proxy.ts forwarded is read from next/headers, so
// a verb's log lines (its AWS calls included) carry the same id and actor as the API's do.
import { headers } from "next/headers";
import type { Actor } from "@/lib/auth/actor";
import { REQUEST_ID_HEADER, requestLogContext, withLogContext } from "@/lib/observability";

export async function withRequestLog<T>(actor: Actor, work: () => Promise<T>): Promise<T> {
  return withLogContext(requestLogContext(actor.name, (await headers()).get(REQUEST_ID_HEADER)), work);
}
