import { CopyButton } from "./copy-button";

/**
 * `sha256:1a2b3c4d5e6f` with the full digest in the tooltip and a copy button. `className` adds to
 * its inline-flex wrapper, e.g. `flex` to make it a line of its own. The link is a plain anchor
 * (tables hold many digests): SoftNavigation makes its click a client-side navigation.
 */
export function Digest({ value, href, className }: { value: string; href?: string; className?: string }) {
  const [algo, hex = ""] = value.split(":");
  const short = `${algo}:${hex.slice(0, 12)}`;
  return (
    <span className={className ? `copyable ${className}` : "copyable"} title={value}>
      {href !== undefined ? (
        <a href={href} className="code text-accent hover:underline">
          {short}
        </a>
      ) : (
        <code>{short}</code>
      )}
      <CopyButton value={value} label="digest" />
    </span>
  );
}
