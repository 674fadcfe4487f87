/** Who made an application: the IM user, with their nickname ("" when they have none or it could not be read). */
export type Requester = { userId: string; nickname: string };

/**
 * One of a group's recent changes made through the console, as GET /api/groups/{id}/events answers it: no
 * before/after (every role sees it). An application's approval or refusal names its requester when known.
 */
export type GroupEvent = {
  id: string;
  at: string;
  action: string;
  target: string | null;
  result: string | null;
  actor: string;
  requester?: Requester;
};
