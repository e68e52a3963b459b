import Link from "next/link";
import { CopyButton } from "./copy-button";

/**
 * `sha256:1a2b3c4d5e6f` with the full digest in the tooltip and a copy button. `className` adds to
 * its inline-flex wrapper, e.g. `flex` to make it a line of its own.
 */
export function Digest({ value, href, className }: { value: string; href?: string; className?: string }) {
  const [algo, hex = ""] = value.split(":");
  const short = `${algo}:${hex.slice(0, 12)}`;
  return (
    <span className={className ? `copyable ${className}` : "copyable"} title={value}>
      {href !== undefined ? (
        <Link href={href} className="code text-accent hover:underline">
          {short}
        </Link>
      ) : (
        <code>{short}</code>
      )}
      <CopyButton value={value} label={`digest ${value}`} />
    </span>
  );
}
