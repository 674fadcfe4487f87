// The client API is signed like REST, but with the user's own UserSig, and the user must exist.
import type { FastifyRequest } from "fastify";
import { Code, fail } from "../domain/errors";
import type { Actor, ServiceContext } from "../services/context";
import { authenticate } from "./auth";
import { clientIp } from "./rest";

const PLATFORMS = ["Web", "Android", "iOS", "Windows", "Mac", "iPad", "Unknown"];

export function authenticateClient(ctx: ServiceContext, request: FastifyRequest): Actor {
  const query = request.query as Record<string, unknown>;
  const userId = authenticate(query, ctx.config);
  if (!ctx.store.accounts.exists(userId)) fail(Code.ACCOUNT_NOT_IMPORTED, `account ${userId} is not imported`);
  // The platform only shows up in webhooks' OptPlatform; the simulator poses as phones.
  const platform = typeof query.platform === "string" && PLATFORMS.includes(query.platform) ? query.platform : "Web";
  return { userId, viaRest: false, platform, clientIp: clientIp(request) };
}
