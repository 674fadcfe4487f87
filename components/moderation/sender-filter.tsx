"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** Narrow the messages to one sender by user ID; applied on submit, so each keystroke does not scan 1,000 messages. */
export function SenderFilter({ sender, onChange }: { sender: string; onChange: (sender: string) => void }) {
  const t = useTranslations("Moderation.messages");
  const [text, setText] = useState(sender);
  const [shown, setShown] = useState(sender);
  // A member's row set another sender: the field follows.
  if (sender !== shown) {
    setShown(sender);
    setText(sender);
  }
  return (
    <form
      role="search"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onChange(text.trim());
      }}
    >
      <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
        <span className="font-medium text-slate-800 dark:text-slate-200">{t("senderLabel")}</span>
        <input
          className={`${inputClass} font-mono`}
          value={text}
          placeholder={t("senderPlaceholder")}
          onChange={(e) => setText(e.target.value)}
          data-testid="message-sender"
        />
      </label>
      <Button type="submit">{t("senderApply")}</Button>
      {sender && (
        <Button
          variant="ghost"
          onClick={() => {
            setText("");
            onChange("");
          }}
        >
          {t("senderClear")}
        </Button>
      )}
    </form>
  );
}
