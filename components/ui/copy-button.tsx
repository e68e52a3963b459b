/**
 * A copy button as plain server HTML: `data-copy` holds the value, and the one CopyHandler island of
 * the layout handles every click on the page (no client component, and no React props, per button).
 * `label` says what is copied ("digest"); the value itself sits in the tooltip of the wrapper and
 * in the "Copied …" announcement, not in the button's name: tables repeat this button per row.
 * The icon is drawn by the `copy-btn` rule in globals.css and turns into a check while
 * `data-copied` is set.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  return <button type="button" className="copy-btn" data-copy={value} aria-label={`Copy ${label}`} title={`Copy ${label}`} />;
}
