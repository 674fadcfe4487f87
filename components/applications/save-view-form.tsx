"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import type { ApplicationListFilters } from "@/lib/client/query-keys";
import { useCreateView } from "@/lib/client/views";

/** What the server stores for the URL's filters (numbers as numbers; defaults filled in by the server). */
function toSaved(filters: ApplicationListFilters): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(filters)) if (v) out[k] = k === "olderThan" ? Number(v) : v;
  return out;
}

/** A name for the queue's filters as they are (components/applications/saved-views.tsx opens it in a dialog). */
export default function SaveViewForm({ filters, onClose }: { filters: ApplicationListFilters; onClose: (saved?: string) => void }) {
  const t = useTranslations("Applications");
  const common = useTranslations("Common");
  const create = useCreateView();
  const [name, setName] = useState("");
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name: name.trim(), filters: toSaved(filters) }, { onSuccess: (v) => onClose(v.name) });
      }}
    >
      <Field label={t("viewName")}>
        {(props) => (
          <input
            {...props}
            className={inputClass}
            value={name}
            maxLength={60}
            required
            autoFocus
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <MutationError error={create.error} />
      <div className="flex justify-end gap-2">
        <Button onClick={() => onClose()}>{common("cancel")}</Button>
        <Button type="submit" variant="primary" disabled={create.isPending || !name.trim()}>
          {t("saveView")}
        </Button>
      </div>
    </form>
  );
}
