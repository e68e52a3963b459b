import Link from "next/link";
import type { ButtonHTMLAttributes, ReactNode } from "react";

const BASE =
  "inline-flex h-7 max-md:h-11 items-center justify-center gap-1.5 rounded-md px-2.5 text-xs font-medium whitespace-nowrap transition-colors disabled:opacity-50";
const VARIANTS = {
  primary: "bg-accent text-bg hover:bg-accent/90",
  secondary: "border border-border-strong bg-surface text-fg hover:bg-surface-2",
  ghost: "text-muted hover:bg-surface-2 hover:text-fg",
} as const;

type Variant = keyof typeof VARIANTS;

export function Button({ variant = "secondary", className = "", ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button className={`${BASE} ${VARIANTS[variant]} ${className}`} {...rest} />;
}

export function ButtonLink({ href, variant = "secondary", children, rel }: { href: string; variant?: Variant; children: ReactNode; rel?: string }) {
  return (
    <Link href={href} rel={rel} className={`${BASE} ${VARIANTS[variant]}`}>
      {children}
    </Link>
  );
}
