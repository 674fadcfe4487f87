/** The queue's columns: select and actions only for those who can decide, the group only across groups. */
export function queueColumns(t: (key: string) => string, actionable: boolean, showGroup: boolean) {
  return [
    ...(actionable ? [{ label: t("columns.select"), visuallyHidden: true as const }] : []),
    ...(showGroup ? [t("columns.group")] : []),
    t("columns.requester"),
    t("columns.message"),
    t("columns.age"),
    ...(actionable ? [{ label: t("columns.actions"), visuallyHidden: true as const }] : [t("columns.status")]),
  ];
}
