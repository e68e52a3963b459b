// The "why" of every change is kept whole in the audit trail, so it has one limit, said to the person
// typing it and enforced on the server (a longer one is refused, never cut).
export const REASON_MAX_LENGTH = 1000;

const grouped = (n: number) => n.toLocaleString("en-US");

/** What the reason field says under the input: how much is left, or by how much it is over. */
export function reasonLengthNote(length: number, max = REASON_MAX_LENGTH): { over: boolean; text: string } {
  if (length > max) return { over: true, text: `${grouped(length)} / ${grouped(max)} characters: ${grouped(length - max)} over the limit; shorten it (link to details instead)` };
  return { over: false, text: `${grouped(length)} / ${grouped(max)} characters` };
}
