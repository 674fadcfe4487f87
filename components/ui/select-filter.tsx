import { inputClass } from "./field";

/** A labelled select of a list's filters: each option a value and its words (the first may be "any"). */
export function SelectFilter({
  id,
  label,
  value,
  options,
  onChange,
  width = "w-44",
}: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
  onChange: (value: string) => void;
  width?: string;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <select id={id} className={`${inputClass} ${width} max-w-full`} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
