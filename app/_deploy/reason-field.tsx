"use client";
// The required "why" of every change (an incident link or a sentence), kept as typed after a refusal.
// No maxLength: the browser would silently cut a pasted reason and the change would go ahead with half
// of it. The field says the limit as the user types; the server refuses a longer reason (400).
import { useState } from "react";
import { reasonLengthNote } from "@/lib/domain/reason-limit";

export function ReasonField({ id, label, name = "reason", required = true, placeholder, defaultValue }: { id: string; label: string; name?: string; required?: boolean; placeholder?: string; defaultValue?: string }) {
  const [length, setLength] = useState(defaultValue?.length ?? 0);
  const note = reasonLengthNote(length);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        required={required}
        placeholder={placeholder}
        defaultValue={defaultValue}
        autoComplete="off"
        aria-describedby={`${id}-length`}
        aria-invalid={note.over || undefined}
        onChange={(event) => setLength(event.currentTarget.value.length)}
        className="h-11 w-full rounded-md border border-border-strong bg-bg px-3 text-sm focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger sm:h-9"
      />
      <p id={`${id}-length`} aria-live="polite" className={`text-xs tabular-nums ${note.over ? "text-danger" : "text-muted"}`}>
        {note.text}
      </p>
    </div>
  );
}
