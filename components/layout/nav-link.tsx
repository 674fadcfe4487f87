"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** A link of the top navigation that says, to the eye and to screen readers, when it is the page one is on. */
export function NavLink({ href, className, children }: { href: string; className: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`${className} aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700 aria-[current=page]:underline aria-[current=page]:underline-offset-4 dark:aria-[current=page]:text-indigo-300`}
    >
      {children}
    </Link>
  );
}
