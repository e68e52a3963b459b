// Plain JSON over HTTP for the control API (not the AWS envelope: this API is the sandbox's own).
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody } from "../wire/read-body";

/** A control request the sandbox refuses, with the status and message the caller sees. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) });
  res.end(payload);
}

/** The request body as JSON; an empty body is {} so bodiless POSTs (reset, clock) stay convenient. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  if (body.trim() === "") return {};
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new ControlError(400, "Request body is not valid JSON");
  }
}
