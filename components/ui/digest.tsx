import Link from "next/link";
import { CopyButton } from "./copy-button";

/** `sha256:1a2b3c4d5e6f` with the full digest in the tooltip and a copy button. */
export function Digest({ value, href }: { value: string; href?: string }) {
  const [algo, hex = ""] = value.split(":");
  const short = `${algo}:${hex.slice(0, 12)}`;
  const text = <code className="font-mono text-xs">{short}</code>;
  return (
    <span className="inline-flex items-center gap-0.5" title={value}>
      {href !== undefined ? (
        <Link href={href} className="text-accent hover:underline">
          {text}
        </Link>
      ) : (
        text
      )}
      <CopyButton value={value} label={`digest ${value}`} />
    </span>
  );
}
