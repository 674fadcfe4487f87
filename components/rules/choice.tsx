import { useId, type ReactNode } from "react";

const BOX = "mt-0.5 h-4 w-4 shrink-0 accent-indigo-600 dark:accent-indigo-400";

/** A labelled checkbox or radio button, with an optional hint under its label (wired to it for screen readers). */
export function Choice({
  type,
  label,
  hint,
  checked,
  onChange,
  name,
}: {
  type: "checkbox" | "radio";
  label: ReactNode;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  name?: string;
}) {
  const id = useId();
  // The hint sits beside the label, not in it: the control's name stays short, and the hint is its description.
  return (
    <div className="flex items-start gap-2 text-sm text-slate-800 dark:text-slate-200">
      <input
        id={id}
        type={type}
        name={name}
        className={BOX}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <div className="flex flex-col">
        <label htmlFor={id}>{label}</label>
        {hint && (
          <span id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
            {hint}
          </span>
        )}
      </div>
    </div>
  );
}

/** A condition: its box, and what it needs said once it is ticked. */
export function Condition({
  label,
  on,
  onChange,
  readOnly = false,
  children,
}: {
  label: string;
  on: boolean;
  onChange: (on: boolean) => void;
  /** Read only, a condition the rule does not have is left out: the reader sees what the rule says. */
  readOnly?: boolean;
  children?: ReactNode;
}) {
  if (readOnly && !on) return null;
  return (
    <div className="flex flex-col gap-2">
      <Choice type="checkbox" label={label} checked={on} onChange={onChange} />
      {on && children && <div className="ml-6 flex flex-col gap-2">{children}</div>}
    </div>
  );
}

/** A fieldset's legend and the refusal that concerns the whole group of controls. */
export const LEGEND = "mb-2 text-sm font-semibold text-slate-900 dark:text-slate-100";
export const GROUP_ERROR = "text-xs font-medium text-red-700 dark:text-red-300";
