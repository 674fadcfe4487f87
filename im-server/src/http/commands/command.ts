import { ImServerError } from "../../domain/errors";
import type { Body } from "../../domain/fields";
import type { Actor, ServiceContext } from "../../services/context";
import type { Fields, JsonBytes } from "../envelope";

export interface CommandInput {
  ctx: ServiceContext;
  /** The calling App admin (REST) — commands re-attribute with From_Account where Tencent allows it. */
  actor: Actor;
  body: Body;
}

export interface CommandSpec {
  /** Not a Tencent command: answered with 10003 when IM_STRICT_TENCENT=1. */
  extension?: boolean;
  /** The fields of the OK answer, or their JSON bytes when the command writes them itself (get_group_info). */
  run(input: CommandInput): Fields | JsonBytes | Promise<Fields | JsonBytes>;
}

/** Keyed by `service/command`. */
export type CommandTable = Record<string, CommandSpec>;

/**
 * Services outside the group service report parameter errors with their own code (account 70402,
 * profile 40001, message 90001); the shared field readers raise 10004, remapped here.
 */
export function withParamCode<T>(code: number, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ImServerError && error.code === 10004) throw new ImServerError(code, error.info, error.extra);
    throw error;
  }
}
