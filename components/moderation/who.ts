/** "Aiko (aiko_01)", or just the ID when there is no nickname (or it is the ID): "bob", not "bob (bob)". */
export function whoOf(t: (key: "who", values: { name: string; id: string }) => string, nickname: string, id: string): string {
  return nickname && nickname !== id ? t("who", { name: nickname, id }) : id;
}
