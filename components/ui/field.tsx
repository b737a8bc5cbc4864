// A labelled form control with its hint and its error, wired for screen readers.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

const CONTROL =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-500";
const CONTROL_ERROR = "ring-red-400 focus:ring-red-500";

type FieldProps = { label: string; name: string; error?: string; hint?: ReactNode; children?: ReactNode };

function FieldFrame({ label, name, error, hint, children }: FieldProps) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${name}-error`} className="text-sm text-red-600" role="alert">
          {error}
        </p>
      ) : hint ? (
        <p id={`${name}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  label,
  name,
  error,
  hint,
  ...props
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame label={label} name={name} error={error} hint={hint}>
      <input
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : hint ? `${name}-hint` : undefined}
        className={`${CONTROL} ${error ? CONTROL_ERROR : ""}`}
        {...props}
      />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  options,
  ...props
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  return (
    <FieldFrame label={label} name={name} error={error} hint={hint}>
      <select
        // Remount when the default changes: React's form reset after an action restores a select to
        // its first default, not to the one passed on the latest render.
        key={String(props.defaultValue ?? "")}
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        className={`${CONTROL} ${error ? CONTROL_ERROR : ""}`}
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
