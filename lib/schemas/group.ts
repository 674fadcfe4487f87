import { z } from "zod";
import { because } from "./issues";
import { utf8Bytes } from "./utf8";
import { GROUP_TYPES, JOIN_OPTIONS, LIMITS } from "./constants";
import { JOIN_OPTIONS_BY_TYPE, joinOptionRefusal } from "./join-options";

export { GROUP_TYPES, JOIN_OPTIONS, JOIN_OPTIONS_BY_TYPE, joinOptionRefusal, LIMITS };

export const groupTypeSchema = z.enum(GROUP_TYPES);
export const joinOptionSchema = z.enum(JOIN_OPTIONS);
export type GroupType = z.infer<typeof groupTypeSchema>;
export type JoinOption = z.infer<typeof joinOptionSchema>;

const bytes = (max: number, label: string) =>
  z
    .string()
    .refine(
      (v) => utf8Bytes(v) <= max,
      because("bytes", `${label} must be at most ${max} bytes in UTF-8 (a CJK character counts 3, most emoji 4)`, { max }),
    );
const required = (v: string) => v.trim().length > 0;

// Only web addresses: a face is shown as an image, and javascript: or data: URLs have no business there.
// https only: the console's pages load no image over http (their content policy would block it unseen).
const faceUrl = () =>
  bytes(LIMITS.faceUrl, "Face URL").pipe(z.url({ protocol: /^https$/, message: "Face URL must be an https address" }).or(z.literal("")));

export const groupIdSchema = z
  .string()
  .refine((v) => v.length > 0, because("groupIdEmpty", "Group ID must not be empty"))
  .refine((v) => /^[\x20-\x7e]*$/.test(v), because("groupIdAscii", "Group ID may only use printable ASCII characters"))
  .refine(
    (v) => utf8Bytes(v) <= LIMITS.groupId,
    because("groupIdLength", `Group ID must be at most ${LIMITS.groupId} characters`, { max: LIMITS.groupId }),
  );

export const createGroupSchema = z
  .object({
    type: groupTypeSchema,
    name: bytes(LIMITS.name, "Name").refine(required, because("nameRequired", "Name is required")),
    id: groupIdSchema.optional(),
    ownerId: z.string().min(1).max(32).optional(),
    joinOption: joinOptionSchema.optional(),
    introduction: bytes(LIMITS.introduction, "Introduction").optional(),
    notification: bytes(LIMITS.notification, "Notification").optional(),
    faceUrl: faceUrl().optional(),
    maxMemberCount: z.number().int().positive().optional(),
    muteAll: z.boolean().optional(),
    supportTopic: z.boolean().optional(),
    memberIds: z.array(z.string().min(1).max(32)).max(LIMITS.memberIds).optional(),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (g.joinOption && !JOIN_OPTIONS_BY_TYPE[g.type].includes(g.joinOption)) {
      const allowed = JOIN_OPTIONS_BY_TYPE[g.type].join(" or ");
      ctx.addIssue({
        code: "custom",
        path: ["joinOption"],
        ...because("joinOptionType", `A ${g.type} group only allows ${allowed}`, { type: g.type, allowed }),
      });
    }
    if (g.id !== undefined) {
      const community = g.type === "Community";
      if (community && !g.id.startsWith("@TGS#_")) {
        ctx.addIssue({ code: "custom", path: ["id"], ...because("communityIdPrefix", "A Community's custom ID must start with @TGS#_") });
      }
      if (!community && g.id.startsWith("@TGS#")) {
        ctx.addIssue({
          code: "custom",
          path: ["id"],
          ...because("reservedIdPrefix", "Custom IDs must not start with @TGS# (reserved for generated IDs)"),
        });
      }
    }
    if (g.supportTopic && g.type !== "Community") {
      ctx.addIssue({ code: "custom", path: ["supportTopic"], ...because("topicsCommunityOnly", "Only Community groups can have topics") });
    }
    if (g.memberIds?.length && g.type === "AVChatRoom") {
      ctx.addIssue({
        code: "custom",
        path: ["memberIds"],
        ...because("avNoMembers", "AVChatRoom groups have no member list: users join by themselves"),
      });
    }
  });
export type CreateGroupInput = z.infer<typeof createGroupSchema>;

/** PATCH /api/groups/{id}: the editable subset; at least one field. */
export const groupPatchSchema = z
  .object({
    name: bytes(LIMITS.name, "Name").refine(required, because("nameRequired", "Name is required")).optional(),
    introduction: bytes(LIMITS.introduction, "Introduction").optional(),
    notification: bytes(LIMITS.notification, "Notification").optional(),
    faceUrl: faceUrl().optional(),
    joinOption: joinOptionSchema.optional(),
    muteAll: z.boolean().optional(),
    maxMemberCount: z.number().int().positive().max(1_000_000).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, because("nothingToChange", "Nothing to change"));
export type GroupPatch = z.infer<typeof groupPatchSchema>;

export const groupSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: groupTypeSchema,
  ownerId: z.string().nullable(),
  memberCount: z.number().int(),
  maxMemberCount: z.number().int(),
  joinOption: joinOptionSchema,
  introduction: z.string(),
  notification: z.string(),
  faceUrl: z.string(),
  muteAll: z.boolean(),
  supportTopic: z.boolean(),
  createdAt: z.string(),
  pendingApplications: z.number().int().nullable(),
});
export type Group = z.infer<typeof groupSchema>;

export const GROUP_SORTS = ["-created", "created", "name", "-name", "-members", "members", "-pending", "pending"] as const;
export const groupSortSchema = z.enum(GROUP_SORTS);
export type GroupSort = z.infer<typeof groupSortSchema>;

export const listGroupsQuerySchema = z.object({
  type: groupTypeSchema.optional(),
  joinOption: joinOptionSchema.optional(),
  q: z.string().trim().max(100).optional(),
  sort: groupSortSchema.default("-created"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListGroupsQuery = z.infer<typeof listGroupsQuerySchema>;

/** What dismissing a group removed: its members and its pending applications. */
export type DismissOutcome = { id: string; name: string; membersRemoved: number; applicationsDropped: number };
