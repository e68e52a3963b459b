// Sandbox time minus wall time, from the midpoint of one control round trip (the same machine, so it is
// constant): turns the sandbox's deployment timestamps into wall-clock time.
import type { SandboxControl } from "../../tests/support/sandbox-control";

export async function clockOffset(control: SandboxControl): Promise<number> {
  const before = Date.now();
  const sandboxNow = await control.now();
  return sandboxNow - (before + Date.now()) / 2;
}
