// GET|PUT|DELETE /_sandbox/faults: the injected latency, throttling, errors and dropped connections.
import { faultSpecSchema } from "../../faults/spec";
import type { ControlRequest } from "../request";

export function getFaults({ runtime }: ControlRequest): unknown {
  return { faults: runtime.faults.current() ?? null };
}

export function putFaults({ runtime, body }: ControlRequest): unknown {
  const spec = faultSpecSchema.parse(body);
  runtime.faults.set(spec);
  return { faults: spec };
}

export function deleteFaults({ runtime }: ControlRequest): unknown {
  runtime.faults.clear();
  return { faults: null };
}
