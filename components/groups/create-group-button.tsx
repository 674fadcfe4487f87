"use client";
import dynamic from "next/dynamic";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { searchFromGroupFilters } from "@/lib/client/query-keys";

// The form, its dialog and the schema it checks against load on the first click, not with the list.
const CreateGroupDialog = dynamic(() => import("./create-group-dialog").then((m) => m.CreateGroupDialog), { ssr: false });

/** "New group", and what was created; after creating, the first page of the list (with the same type) is drawn again. */
export function CreateGroupButton({ type }: { type?: string }) {
  const t = useTranslations("CreateGroup");
  const router = useRouter();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        {t("open")}
      </Button>
      {created && (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          {t("created", { name: created })}
        </p>
      )}
      {open && (
        <CreateGroupDialog
          onOpenChange={setOpen}
          onCreated={(group) => {
            setOpen(false);
            setCreated(group.name);
            router.push(`${pathname}${searchFromGroupFilters({ type })}`, { scroll: false });
            router.refresh();
          }}
        />
      )}
    </>
  );
}
