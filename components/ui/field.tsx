// A labelled form control with its hint and its error, wired for screen readers.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const CONTROL =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-500 disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500";
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

export function TextAreaField({
  label,
  name,
  error,
  hint,
  ...props
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame label={label} name={name} error={error} hint={hint}>
      <textarea
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

/** A checkbox with its label on the right and an optional hint below; submits "on" when checked. */
export function CheckboxField({
  label,
  name,
  hint,
  ...props
}: { label: ReactNode; name: string; hint?: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  return (
    <div className="flex items-start gap-2.5">
      <input
        id={name}
        name={name}
        type="checkbox"
        aria-describedby={hint ? `${name}-hint` : undefined}
        className="mt-0.5 size-4 shrink-0 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
        {...props}
      />
      <div className="min-w-0">
        <label htmlFor={name} className="block text-sm text-slate-800">
          {label}
        </label>
        {hint ? (
          <p id={`${name}-hint`} className="mt-0.5 text-xs text-slate-500">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
