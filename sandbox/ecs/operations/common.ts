// Small readers shared by the ECS operations: the model from the context, `include` lists, maxResults.
import type { Input, OperationContext } from "../../core/operation";
import { oneOf, optionalInteger, optionalStringList } from "../../core/validate";
import type { EcsRegion } from "../state";

export const ecs = (ctx: OperationContext): EcsRegion => ctx.world.ecs;

/** `maxResults` 1–100 for every ECS List* operation (aws-behaviour.md §1.5). */
export const readMaxResults = (input: Input) => optionalInteger(input, "maxResults", { min: 1, max: 100 });

export function includes<T extends string>(input: Input, allowed: readonly T[], wanted: T): boolean {
  const list = optionalStringList(input, "include") ?? [];
  for (const item of list) oneOf(item, "include", allowed);
  return list.includes(wanted);
}
