// Block Kit's rules for the blocks a message may carry (api.slack.com/reference/block-kit/blocks and
// composition objects), as a checker returning every violation, so a test names what Slack would refuse.
const LIMITS = { blocks: 50, blockId: 255, headerText: 150, sectionText: 3000, fields: 10, fieldText: 2000, contextElements: 10, actionsElements: 25, buttonText: 75, url: 3000, actionId: 255, text: 40_000 };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function textObject(where: string, value: unknown, types: readonly string[], max: number, out: string[]): void {
  if (!isObject(value)) return void out.push(`${where}: not a text object`);
  if (!types.includes(String(value.type))) out.push(`${where}.type: ${String(value.type)} (allowed: ${types.join(", ")})`);
  if (typeof value.text !== "string" || value.text.length === 0) return void out.push(`${where}.text: empty`);
  if (value.text.length > max) out.push(`${where}.text: ${value.text.length} characters (max ${max})`);
  if ("emoji" in value && value.type !== "plain_text") out.push(`${where}.emoji: only plain_text may set emoji`);
  for (const key of Object.keys(value)) if (!["type", "text", "emoji", "verbatim"].includes(key)) out.push(`${where}.${key}: unknown field`);
}

function block(where: string, b: unknown, out: string[]): void {
  if (!isObject(b)) return void out.push(`${where}: not an object`);
  if (typeof b.block_id === "string" && b.block_id.length > LIMITS.blockId) out.push(`${where}.block_id: too long`);
  switch (b.type) {
    case "header":
      return textObject(`${where}.text`, b.text, ["plain_text"], LIMITS.headerText, out);
    case "section": {
      if (b.text === undefined && b.fields === undefined) out.push(`${where}: a section needs text or fields`);
      if (b.text !== undefined) textObject(`${where}.text`, b.text, ["plain_text", "mrkdwn"], LIMITS.sectionText, out);
      if (b.fields !== undefined) {
        if (!Array.isArray(b.fields) || b.fields.length === 0 || b.fields.length > LIMITS.fields) out.push(`${where}.fields: 1-${LIMITS.fields} items`);
        else b.fields.forEach((f, i) => textObject(`${where}.fields[${i}]`, f, ["plain_text", "mrkdwn"], LIMITS.fieldText, out));
      }
      return;
    }
    case "context":
      if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > LIMITS.contextElements) return void out.push(`${where}.elements: 1-${LIMITS.contextElements} items`);
      return b.elements.forEach((e, i) => textObject(`${where}.elements[${i}]`, e, ["plain_text", "mrkdwn"], LIMITS.sectionText, out));
    case "actions":
      if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > LIMITS.actionsElements) return void out.push(`${where}.elements: 1-${LIMITS.actionsElements} items`);
      return b.elements.forEach((e, i) => {
        const at = `${where}.elements[${i}]`;
        if (!isObject(e) || e.type !== "button") return void out.push(`${at}: only buttons are checked here`);
        textObject(`${at}.text`, e.text, ["plain_text"], LIMITS.buttonText, out);
        if (typeof e.url !== "string" || e.url.length > LIMITS.url || !/^https?:\/\//.test(e.url)) out.push(`${at}.url: an http(s) URL of at most ${LIMITS.url} characters`);
        if (typeof e.action_id !== "string" || e.action_id.length === 0 || e.action_id.length > LIMITS.actionId) out.push(`${at}.action_id: 1-${LIMITS.actionId} characters`);
      });
    case "divider":
      return;
    default:
      out.push(`${where}.type: ${String(b.type)} is not a block type this checker knows`);
  }
}

/** Every rule a message `{text, blocks}` for chat.postMessage / an incoming webhook breaks. */
export function blockKitViolations(message: unknown): string[] {
  const out: string[] = [];
  if (!isObject(message)) return ["message: not an object"];
  if (typeof message.text !== "string" || message.text.length === 0) out.push("text: a fallback text is required with blocks");
  else if (message.text.length > LIMITS.text) out.push("text: too long");
  if (!Array.isArray(message.blocks) || message.blocks.length === 0) return [...out, "blocks: at least one"];
  if (message.blocks.length > LIMITS.blocks) out.push(`blocks: ${message.blocks.length} (max ${LIMITS.blocks})`);
  message.blocks.forEach((b, i) => block(`blocks[${i}]`, b, out));
  return out;
}
