"use client";
import { inputClass } from "@/components/ui/field";
import { GROUP_TYPES } from "@/lib/schemas/group";
import { TYPE_LABEL } from "./labels";

export function TypeFilter({ value, onChange }: { value?: string; onChange: (type: string | undefined) => void }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="type-filter" className="text-sm font-medium text-slate-800">
        Type
      </label>
      <select id="type-filter" className={`${inputClass} w-44`} value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">All types</option>
        {GROUP_TYPES.map((t) => (
          <option key={t} value={t}>
            {TYPE_LABEL[t]}
          </option>
        ))}
      </select>
    </div>
  );
}
