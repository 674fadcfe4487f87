"use client";
import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** "12 of 40 shown", and the button that brings the next page. */
export function ListFooter({ list, shown, total }: { list: UseInfiniteQueryResult; shown: number; total: number }) {
  const t = useTranslations("Applications");
  const common = useTranslations("Common");
  const format = useFormatter();
  return (
    <div className="flex items-center justify-between text-sm text-slate-600 dark:text-slate-400">
      <span>
        {list.isError
          ? null
          : list.isPending
            ? common("loading")
            : t("shown", { shown: format.number(shown), total: format.number(total) })}
      </span>
      {list.hasNextPage && (
        <Button onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? common("loading") : common("showMore")}
        </Button>
      )}
    </div>
  );
}
