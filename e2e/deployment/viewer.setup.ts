import { test as setup } from "@playwright/test";
import { signedInApi } from "../support/api";
import { DEPLOYMENT_CHECKER } from "../support/env";

// npm test runs the deployment check against its own console, as the viewer a deployment would give it.
setup("the deployment check has a viewer account", async () => {
  const api = await signedInApi();
  const res = await api.post("/api/users", { data: { ...DEPLOYMENT_CHECKER, role: "viewer", name: "Deployment check" } });
  if (res.status() !== 201 && res.status() !== 409) throw new Error(`creating the viewer answered ${res.status()}: ${await res.text()}`);
  await api.dispose();
});
