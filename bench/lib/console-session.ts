// A script's session with the console: signs in through next-auth's credentials flow (GET /api/auth/csrf,
// then POST /api/auth/callback/credentials) and keeps the cookies for the BFF calls that follow.
export type ConsoleSession = {
  base: string;
  get<T = unknown>(path: string): Promise<T>;
  post<T = unknown>(path: string, body: unknown): Promise<T>;
  cookies(): { name: string; value: string }[];
};

export async function signIn(base: string, email: string, password: string): Promise<ConsoleSession> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(base + path, {
      method,
      redirect: "manual",
      headers: { cookie: cookie(), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    keep(res);
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  }

  const { csrfToken } = await send<{ csrfToken: string }>("GET", "/api/auth/csrf");
  const form = new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${base}/` });
  keep(
    await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" },
      body: form,
    }),
  );
  const session = await send<{ user?: unknown }>("GET", "/api/auth/session");
  if (!session.user) throw new Error(`signing in as ${email} failed`);

  return {
    base,
    get: (path) => send("GET", path),
    post: (path, body) => send("POST", path, body),
    cookies: () => [...jar].map(([name, value]) => ({ name, value })),
  };
}
