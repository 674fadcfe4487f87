// Runs once when a console server process starts (not during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundWork } = await import("./lib/server/background");
  try {
    startBackgroundWork();
  } catch (err) {
    console.error("background work did not start:", err instanceof Error ? err.message : err);
  }
}
