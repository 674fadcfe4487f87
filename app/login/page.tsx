import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

/** Only same-site paths may be returned to after sign-in. */
function safeFrom(from: string | string[] | undefined): string {
  return typeof from === "string" && from.startsWith("/") && !from.startsWith("//") ? from : "/groups";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const from = safeFrom((await searchParams).from);
  if (await currentUser()) redirect(from);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">Sign in to Group Console</h1>
        <p className="mt-1 text-sm text-slate-600">Manage your IM app&apos;s groups, join settings and applications.</p>
        <SignInForm from={from} />
      </div>
    </main>
  );
}
