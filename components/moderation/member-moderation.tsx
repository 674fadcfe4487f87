"use client";
import dynamic from "next/dynamic";

/**
 * A member row's Mute…, Ban… and recent messages (./member-actions), loaded after the page: the members list
 * itself is read in the browser, and most visits moderate no one.
 */
export const MemberModeration = dynamic(() => import("./member-actions"), { ssr: false });
