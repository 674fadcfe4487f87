/** Transport faults carry negative codes so they never collide with Tencent's. */
export const IM_UNREACHABLE = -1;
export const IM_TIMEOUT = -2;
export const IM_BAD_RESPONSE = -3;
/** An HTTP 5xx without the protocol's envelope: a proxy or load balancer in front of the IM server says it is down. */
export const IM_SERVER_DOWN = -4;
/** The connection broke after the request may have gone out (reset, closed by the other side). */
export const IM_DROPPED = -5;

// Next bundles a module once per entry, so one process can hold several copies of this class; the brand
// keeps `instanceof` true across them (the gateway instance is shared per process, its class may not be).
const BRAND = Symbol.for("group-console.ImError");

/** The one error the gateway throws: a Tencent ErrorCode (or a negative transport code) and the command. */
export class ImError extends Error {
  readonly name = "ImError";
  readonly [BRAND] = true;

  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  constructor(
    readonly code: number,
    readonly info: string,
    readonly command: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${command}: ${code} ${info}`);
  }

  /** The IM server could not be reached or did not answer: no answer to go by. */
  get unavailable(): boolean {
    return this.code === IM_UNREACHABLE || this.outcomeUnknown;
  }

  /**
   * The request may have reached the IM server and taken effect, but no answer came: a timeout, a connection
   * broken after sending, or a proxy in front that gave up waiting. (IM_UNREACHABLE means it never left.)
   */
  get outcomeUnknown(): boolean {
    return this.code === IM_TIMEOUT || this.code === IM_DROPPED || this.code === IM_SERVER_DOWN;
  }

  /** Tencent's frequency limits: back off and retry reads. */
  get rateLimited(): boolean {
    return [10006, 60007, 60011, 60018, 60019].includes(this.code);
  }

  /** A UserSig refused by the server (700xx): a configuration fault, never the operator's. */
  get badSignature(): boolean {
    return this.code >= 70000 && this.code < 71000;
  }
}
