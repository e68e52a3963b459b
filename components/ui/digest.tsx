import { CopyButton } from "./copy-button";

/**
 * `sha256:1a2b3c4d5e6f` with the full digest in the tooltip and a copy button. `className` adds to
 * its inline-flex wrapper, e.g. `flex` to make it a line of its own. The link is a plain anchor
 * (tables hold many digests): SoftNavigation makes its click a client-side navigation. `owner` names
 * the container it belongs to where the layout alone cannot say (phone.css shows it on a phone).
 */
export function Digest({ value, href, className, owner }: { value: string; href?: string; className?: string; owner?: string }) {
  const [algo, hex = ""] = value.split(":");
  const short = `${algo}:${hex.slice(0, 12)}`;
  return (
    <span className={className ? `copyable ${className}` : "copyable"} title={value} data-container={owner}>
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
