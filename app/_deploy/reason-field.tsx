// The required "why" of every change (1–1,000 characters, e.g. an incident link), kept as typed after a refusal.
export function ReasonField({ id, label, name = "reason", required = true, placeholder, defaultValue }: { id: string; label: string; name?: string; required?: boolean; placeholder?: string; defaultValue?: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        required={required}
        maxLength={1000}
        placeholder={placeholder}
        defaultValue={defaultValue}
        autoComplete="off"
        className="h-11 w-full rounded-md border border-border-strong bg-bg px-3 text-sm focus-visible:outline-2 focus-visible:outline-accent sm:h-9"
      />
    </div>
  );
}
