import http from "node:http";

/**
 * A credentials sign-in made from a chosen loopback address (127.0.0.5 …), as a script on another machine would
 * make it: the console counts attempts by the socket's address, which Playwright's request context cannot pick.
 * Extra headers let a test forge what an attacker would (X-Forwarded-For).
 */
export async function signInFrom(
  baseUrl: string,
  from: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<{ error: string | null; signedIn: boolean }> {
  const base = new URL(baseUrl);
  const jar = new Map<string, string>();
  const call = (method: string, path: string, body?: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port: base.port,
          localAddress: from,
          method,
          path,
          headers: {
            ...headers,
            host: base.host,
            cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
            ...(body ? { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } : {}),
          },
        },
        (res) => {
          for (const c of res.headers["set-cookie"] ?? []) {
            const [pair] = c.split(";");
            const at = pair.indexOf("=");
            jar.set(pair.slice(0, at), pair.slice(at + 1));
          }
          let text = "";
          res.on("data", (chunk) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  const { csrfToken } = JSON.parse((await call("GET", "/api/auth/csrf")).text);
  const form = new URLSearchParams({ csrfToken, email, password, json: "true" }).toString();
  const { url } = JSON.parse((await call("POST", "/api/auth/callback/credentials", form)).text) as { url: string };
  const session = JSON.parse((await call("GET", "/api/auth/session")).text || "{}");
  return { error: new URL(url, baseUrl).searchParams.get("error"), signedIn: Boolean(session?.user) };
}
