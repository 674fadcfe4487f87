/** The toolbar's sort orders and their message keys (`Groups.sorts.*`), in the order offered. */
export const SORTS = [
  ["-created", "newest"],
  ["created", "oldest"],
  ["name", "nameAsc"],
  ["-name", "nameDesc"],
  ["-members", "mostMembers"],
  ["members", "fewestMembers"],
  ["-pending", "mostPending"],
] as const;
